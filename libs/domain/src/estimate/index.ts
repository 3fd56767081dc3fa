export * from './estimate.commands';
export * from './estimate.decider';
export * from './estimate.errors';
export * from './estimate.events';
export * from './estimate.personal-data';
export * from './estimate.state';
export * from './estimate.stream';
export * from './estimate.values';
export { estimateSubscriptionSlots } from './decisions/answer-estimate';
