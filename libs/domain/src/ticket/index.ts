export * from './ticket.commands';
export * from './ticket.decider';
export * from './ticket.errors';
export * from './ticket.events';
export * from './ticket.personal-data';
export * from './ticket.state';
export * from './ticket.stream';
export * from './ticket.values';
