export * from './chain-verification.service';
