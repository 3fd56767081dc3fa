/**
 * Text as a Spanish operator compares it: lower case, accents and other diacritics dropped
 * (`Pérez` → `perez`, `Ávila` → `avila`, `Güell` → `guell`, `Peña` → `pena`). Pure: the customer
 * search folds its text and its query with it, and catalogs compare names with it (rule 28).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
