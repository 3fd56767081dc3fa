export * from './projection';
export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './checkpoints/projection-checkpoint.entity';
export * from './checkpoints/checkpoint-store';
export * from './runner/batched';
export * from './runner/projection-runner';
