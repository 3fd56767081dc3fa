// The application layer: load → decide → append, the services behind multi-aggregate workflows,
// and the wiring (configuration, storage, read models) every entry point shares. The API, the
// CLI and the bench import it from here, never from apps/.
export * from './commands/command-context';
export * from './commands/command-outcome';
export * from './commands/decide-and-append';
export * from './commands/in-batches';
export * from './commands/load-state';
export * from './idempotency/idempotency-store';
export * from './config/app-config';
export * from './config/config.module';
export * from './storage/tokens';
export * from './storage/storage.module';
export * from './storage/read-models.module';
export * from './storage/projections';
export * from './storage/projection-progress';
export * from './invoices/invoice-documents';
export * from './invoices/invoice-numbering';
export * from './invoices/invoice.commands';
export * from './invoices/invoice.handlers';
export * from './customers/customer-unique-values';
export * from './customers/customer-facts';
export * from './customers/customer.commands';
export * from './customers/customer-writes';
export * from './customers/customer.handlers';
export * from './customers/customer-deletion.process';
export * from './customers/bulk-update-customers.handler';
export * from './contracts/contract.commands';
export * from './contracts/contract.handlers';
export * from './subscriptions/subscription.commands';
export * from './subscriptions/subscription.handlers';
export * from './billing/billing.commands';
export * from './billing/billing-run.process';
export * from './billing/migration-credit-run.process';
export * from './audit/audited-event';
export * from './audit/aggregate-state';
export * from './shared/calendar-values';
