import { winAnsiText } from './win-ansi-text';

describe('text for the PDF standard fonts (WinAnsi)', () => {
  it('keeps Spanish as it is', () => {
    const spanish = 'José Peñalver Muñoz, Avda. Constitución 3º B, ¿Año? ¡Sí! Güell ª € ÁÉÍÓÚÑÜ';
    expect(winAnsiText(spanish)).toBe(spanish);
  });

  it('keeps the typographic characters WinAnsi holds beyond Latin-1', () => {
    const typographic = '“comillas” ‘simples’ – — … • ™ Œuvre Šk';
    expect(winAnsiText(typographic)).toBe(typographic);
  });

  it('composes a letter written with a combining accent into the accented letter', () => {
    expect(winAnsiText('Pen\u0303alver Mun\u0303oz')).toBe('Peñalver Muñoz');
  });

  it('prints one ? for each character it cannot show', () => {
    expect(winAnsiText('山田太郎')).toBe('????');
    expect(winAnsiText('Café 😀 Ltd')).toBe('Café ? Ltd');
    expect(winAnsiText('Иван')).toBe('????');
    expect(winAnsiText('Łódź')).toBe('?ód?');
  });

  it('drops what would be invisible and makes line breaks spaces', () => {
    expect(winAnsiText('👍🏽 ok')).toBe('?? ok'); // the emoji and its skin-tone modifier
    expect(winAnsiText('❤️')).toBe('?'); // the variation selector is not printed
    expect(winAnsiText('a\u200bb\u0007c')).toBe('abc');
    expect(winAnsiText('line 1\nline 2\tend')).toBe('line 1 line 2 end');
  });

  it('never lets a C1 control through as if it were a WinAnsi character', () => {
    expect(winAnsiText('a\u0080b\u009fc')).toBe('abc');
  });
});
