/** The languages an invoice document is printed in; Spanish is the legal default. */
export const DOCUMENT_LANGUAGES = ['es', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

interface Preference {
  language: string;
  quality: number;
  order: number;
}

/**
 * The document's language from an `Accept-Language` header: English when the best match the
 * client accepts is English, else Spanish. Quality values are honoured (`q=0` refuses a
 * language); among equal qualities the first listed wins, Spanish before English when both come
 * from one wildcard (`*` stands for every language not named); a header naming nothing we print
 * in, missing or malformed, gives Spanish.
 */
export function documentLanguageOf(acceptLanguage: string | null | undefined): DocumentLanguage {
  if (typeof acceptLanguage !== 'string') return 'es';
  const best = withWildcardExpanded(preferencesOf(acceptLanguage))
    .filter((preference) => preference.quality > 0)
    .filter((preference) => isDocumentLanguage(preference.language))
    .sort((a, b) => b.quality - a.quality || a.order - b.order)[0];
  return best?.language === 'en' ? 'en' : 'es';
}

function preferencesOf(header: string): Preference[] {
  return header
    .split(',')
    .map((entry, order) => {
      const [tag, ...parameters] = entry.split(';').map((part) => part.trim());
      const language = tag.toLowerCase().split('-')[0];
      const quality = qualityOf(parameters);
      return { language, quality, order };
    })
    .filter((preference) => preference.language !== '' && !Number.isNaN(preference.quality));
}

/** `*` is each of our languages the header does not name, at the wildcard's quality. */
function withWildcardExpanded(preferences: readonly Preference[]): Preference[] {
  const named = new Set(preferences.map((preference) => preference.language));
  return preferences.flatMap((preference) =>
    preference.language !== '*'
      ? [preference]
      : DOCUMENT_LANGUAGES.filter((language) => !named.has(language)).map((language) => ({
          ...preference,
          language,
        })),
  );
}

/** `q=0.8` → 0.8; no `q` → 1; a malformed or out-of-range `q` → NaN (the entry is ignored). */
function qualityOf(parameters: readonly string[]): number {
  const q = parameters.find((parameter) => /^q\s*=/i.test(parameter));
  if (q === undefined) return 1;
  const value = q.replace(/^q\s*=\s*/i, '');
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return Number.NaN;
  return Number(value);
}

const isDocumentLanguage = (language: string): language is DocumentLanguage =>
  (DOCUMENT_LANGUAGES as readonly string[]).includes(language);
