export * from './apply-error';
export * from './parked-event.entity';
export * from './parked-events';
export * from './replay-parked';
