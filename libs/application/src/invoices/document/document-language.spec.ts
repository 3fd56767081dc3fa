import { documentLanguageOf } from './document-language';

describe('the language of a printed invoice', () => {
  it.each([
    [undefined, 'es'],
    [null, 'es'],
    ['', 'es'],
    ['es', 'es'],
    ['es-ES,es;q=0.9', 'es'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['es;q=0.9, en;q=0.8', 'es'],
    ['en;q=0.5, es;q=0.9', 'es'],
    ['es;q=0.4, en', 'en'],
    ['fr-FR, en;q=0.7', 'en'],
    ['fr-FR, de;q=0.9', 'es'],
    ['*', 'es'],
    ['*, en;q=0.5', 'es'],
    ['*;q=0.5, en;q=0.8', 'en'],
    ['*, es;q=0', 'en'],
    ['fr, *;q=0.1', 'es'],
    ['en;q=0', 'es'],
    ['en;q=0, es;q=0.1', 'es'],
    ['en, es', 'en'],
    ['es, en', 'es'],
    ['en;q=0.8, es;q=0.8', 'en'],
    ['en;q=2', 'es'],
    ['en;q=abc', 'es'],
    ['en; q=0.9', 'en'],
  ])('Accept-Language %p → %s', (header, language) => {
    expect(documentLanguageOf(header)).toBe(language);
  });
});
