/**
 * ISO 20022 external return reason codes that SEPA direct debits come back with (the EPC's
 * R-transactions: returns, rejects, refunds), in Spanish and English for the operator.
 * `invalidatesMandate` and `flagsForContact` are DOMAIN.md rule 19: AC04, AC06, MD01, MD07
 * invalidate the mandate until a new one is signed; MS02, MD06 flag the customer for contact.
 * Other codes only make the invoice owed again.
 */
export interface ReturnReason {
  es: string;
  en: string;
  invalidatesMandate: boolean;
  flagsForContact: boolean;
}

export type ReturnReasonLanguage = 'es' | 'en';

const reason = (
  es: string,
  en: string,
  consequence: { invalidatesMandate?: boolean; flagsForContact?: boolean } = {},
): ReturnReason => ({
  es,
  en,
  invalidatesMandate: consequence.invalidatesMandate ?? false,
  flagsForContact: consequence.flagsForContact ?? false,
});

export const RETURN_REASONS: Readonly<Record<string, ReturnReason>> = Object.freeze({
  AC01: reason(
    'Identificador de cuenta incorrecto (IBAN no válido)',
    'Account identifier incorrect (invalid IBAN)',
  ),
  AC04: reason('Cuenta cancelada', 'Account closed', { invalidatesMandate: true }),
  AC06: reason('Cuenta bloqueada', 'Account blocked', { invalidatesMandate: true }),
  AC13: reason('Tipo de cuenta del deudor no válido', 'Debtor account type missing or invalid'),
  AG01: reason(
    'Operación no permitida en este tipo de cuenta',
    'Transaction forbidden on this type of account',
  ),
  AG02: reason(
    'Código de operación incorrecto o formato de fichero no válido',
    'Operation or transaction code incorrect, invalid file format',
  ),
  AM04: reason('Saldo insuficiente', 'Insufficient funds'),
  AM05: reason('Operación duplicada', 'Duplicate collection'),
  BE05: reason('Identificador del acreedor incorrecto', 'Creditor identifier incorrect'),
  CNOR: reason(
    'La entidad del acreedor no está registrada en el sistema de compensación',
    'Creditor bank is not registered in the clearing system',
  ),
  DNOR: reason(
    'La entidad del deudor no está registrada en el sistema de compensación',
    'Debtor bank is not registered in the clearing system',
  ),
  FF01: reason('Formato de fichero no válido', 'Invalid file format'),
  MD01: reason('Sin mandato o mandato no válido', 'No mandate or invalid mandate', {
    invalidatesMandate: true,
  }),
  MD02: reason(
    'Faltan datos obligatorios del mandato o son incorrectos',
    'Mandate data missing or incorrect',
  ),
  MD06: reason(
    'Devolución solicitada por el deudor (operación autorizada)',
    'Refund requested by the debtor (authorised transaction)',
    { flagsForContact: true },
  ),
  MD07: reason('Deudor fallecido', 'Debtor deceased', { invalidatesMandate: true }),
  MS02: reason('Rechazada por el deudor', 'Refused by the debtor', { flagsForContact: true }),
  MS03: reason('Motivo no especificado por la entidad', 'Reason not specified by the bank'),
  RC01: reason('Identificador de entidad (BIC) incorrecto', 'Bank identifier (BIC) incorrect'),
  RR01: reason(
    'Falta la cuenta o la identificación del deudor (motivo regulatorio)',
    'Missing debtor account or identification (regulatory reason)',
  ),
  RR02: reason(
    'Falta el nombre o la dirección del deudor (motivo regulatorio)',
    'Missing debtor name or address (regulatory reason)',
  ),
  RR03: reason(
    'Falta el nombre o la dirección del acreedor (motivo regulatorio)',
    'Missing creditor name or address (regulatory reason)',
  ),
  RR04: reason('Motivo regulatorio', 'Regulatory reason'),
  SL01: reason(
    'Servicio específico de la entidad del deudor (p. ej., adeudos bloqueados por el deudor)',
    'Specific service offered by the debtor bank (e.g. direct debits blocked by the debtor)',
  ),
});

/**
 * The reason for a code as banks write it (case and surrounding spaces ignored), or undefined
 * for a code this table does not know. Own keys only: `RETURN_REASONS['constructor']` must
 * not answer Object's constructor.
 */
export function returnReasonOf(code: string): ReturnReason | undefined {
  const normalized = code.trim().toUpperCase();
  return Object.hasOwn(RETURN_REASONS, normalized) ? RETURN_REASONS[normalized] : undefined;
}

/** Text for the operator; an unknown code still gets one that names it, so nothing is hidden. */
export function describeReturnReason(code: string, lang: ReturnReasonLanguage): string {
  const known = returnReasonOf(code);
  if (known !== undefined) return known[lang];
  const shown = code.trim() === '' ? '?' : code.trim();
  return lang === 'es'
    ? `Motivo de devolución no reconocido (código ${shown})`
    : `Unrecognised return reason (code ${shown})`;
}
