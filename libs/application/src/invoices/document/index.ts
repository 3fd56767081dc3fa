// The printed invoice / credit note: what the HTTP layer needs, nothing of the layout's inside.
export * from './document-language';
export * from './invoice-document.model';
export * from './render-invoice-pdf';
