export * from './invoice-series.stream';
export * from './invoice-series.errors';
export * from './invoice-series.events';
export * from './invoice-series.commands';
export * from './invoice-series.state';
export * from './invoice-series.evolve';
export { invoiceSeriesDecider, decideInvoiceSeries } from './invoice-series.decider';
export * from './invoice-series.personal-data';
