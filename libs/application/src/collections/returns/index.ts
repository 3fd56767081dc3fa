export * from './returns.commands';
export * from './returns.process';
