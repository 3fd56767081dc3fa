export * from './suministro-xml';
export * from './respuesta-suministro';
export * from './aeat-transport';
export * from './verifactu-submitter';
export * from './verifactu-submission.scheduler';
