export * from './dunning.policy';
export * from './dunning.events';
export * from './dunning.commands';
export * from './dunning.state';
export * from './dunning.stream';
export * from './dunning.errors';
export { dunningDecider, decideDunning, evolveDunning } from './dunning.decider';
export * from './dunning.personal-data';
