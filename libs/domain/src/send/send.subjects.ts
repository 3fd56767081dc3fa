import { SendTemplate } from './send.events';

const DUNNING_SUBJECTS: Record<string, string> = {
  reminder: 'Recordatorio de pago pendiente',
  warning: 'Aviso: deuda pendiente',
  suspend: 'Servicio suspendido por deuda',
  cancel: 'Servicio dado de baja por deuda',
};

/** The subject of a message (in Spanish), from its template and params alone. */
export function sendSubjectOf(template: SendTemplate, params: Record<string, string>): string {
  switch (template) {
    case 'invoice-issued':
      return `Factura ${params.number ?? ''}`.trim();
    case 'payment-receipt':
      return 'Recibo de su pago';
    case 'dunning-step':
      return DUNNING_SUBJECTS[params.step ?? ''] ?? 'Aviso de deuda pendiente';
    case 'portal-password':
      return 'Su contraseña del portal de clientes';
  }
}
