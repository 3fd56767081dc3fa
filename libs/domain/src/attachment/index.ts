export * from './attachment.commands';
export * from './attachment.decider';
export * from './attachment.errors';
export * from './attachment.events';
export * from './attachment.personal-data';
export * from './attachment.state';
export * from './attachment.stream';
export * from './attachment.values';
