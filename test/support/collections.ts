/** The SEPA creditor the collections suites configure (a valid ES creditor identifier). */
export const TEST_CREDITOR = {
  CREDITOR_NAME: 'Fibra Norte SL',
  CREDITOR_ID: 'ES10ZZZB76365789',
  CREDITOR_IBAN: 'ES91 2100 0418 4502 0005 1332',
};

/** Tomorrow's calendar day (UTC): a collection date the bank can still take. */
export const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** The calendar day `days` after `day`. */
export const plusDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
