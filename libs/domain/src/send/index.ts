export * from './send.events';
export * from './send.commands';
export * from './send.decider';
export * from './send.personal-data';
export * from './send.subjects';
