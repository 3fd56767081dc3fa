export * from './task.commands';
export * from './task.decider';
export * from './task.errors';
export * from './task.events';
export * from './task.fields';
export * from './task.personal-data';
export * from './task.state';
export * from './task.stream';
