import { customerSearchText, foldForSearch } from './search-text';

describe('Search text as a Spanish operator types it', () => {
  it.each([
    ['Pérez', 'perez'],
    ['PEÑA', 'pena'],
    ['Peña', 'pena'],
    ['Ávila', 'avila'],
    ['Güell', 'guell'],
    ['Çà et là', 'ca et la'],
    ['l’Hospitalet', 'l’hospitalet'],
    ['100% Fibra_2', '100% fibra_2'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('folds composed and decomposed accents alike', () => {
    expect(foldForSearch('Jose\u0301')).toBe(foldForSearch('Jos\u00e9'));
  });

  it('keeps the name, the streets and the cities, each once, folded', () => {
    const address = (street: string | null, city: string | null) => ({
      addressId: street ?? 'none',
      label: null,
      address: {
        street,
        city,
        neighbourhood: 'Sol',
        province: 'Madrid',
        postalCode: null,
        country: null,
      },
    });
    expect(
      customerSearchText({
        displayName: 'José Peña',
        street: 'Calle Mayor 1',
        city: 'Madrid',
        addresses: [address('Avenida de Ávila 2', 'MADRID'), address(null, 'Toledo')],
      }),
    ).toBe(['jose pena', 'calle mayor 1', 'madrid', 'avenida de avila 2', 'toledo'].join('\n'));
  });
});
