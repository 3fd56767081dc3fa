export * from './subscription.stream';
export * from './subscription.terms';
export * from './subscription.errors';
export * from './subscription.events';
export * from './subscription.commands';
export * from './subscription.state';
export {
  SUBSCRIPTION_TRANSITIONS,
  subscriptionChangesFrom,
  isSubscriptionChangeAllowed,
} from './subscription.transitions';
export type { SubscriptionChangeType } from './subscription.transitions';
export * from './subscription.evolve';
export { subscriptionDecider, decideSubscription } from './subscription.decider';
export * from './subscription.pricing';
export * from './subscription.deletion';
export * from './subscription.personal-data';
