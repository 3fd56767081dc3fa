import { contentDisposition } from './content-disposition';

describe('Content-Disposition of a download', () => {
  it('keeps accents in filename* (RFC 5987) and drops them from the ASCII fallback', () => {
    expect(contentDisposition('Contrato firmado ñ.pdf')).toBe(
      `attachment; filename="Contrato firmado n.pdf"; filename*=UTF-8''Contrato%20firmado%20%C3%B1.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes, line breaks or other scripts', () => {
    const header = contentDisposition('a"b\\c\r\nSet-Cookie: x=1 日本.txt');
    expect(header).toMatch(
      /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/,
    );
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="a_b_c__Set-Cookie: x=1 __.txt"');
  });
});
