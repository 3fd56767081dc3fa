export * from './verifactu-submission.events';
export * from './verifactu-submission.commands';
export * from './verifactu-submission.errors';
export * from './verifactu-submission.decider';
export * from './verifactu-submission.personal-data';
