/** RFC 5987's attr-char: what may stand unescaped in `filename*`. */
const encodeRfc5987 = (text: string) =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * `Content-Disposition` for a download (RFC 6266): `filename="…"` in plain ASCII (accents
 * dropped, anything else `_`) for old clients, and `filename*=UTF-8''…` (RFC 5987) with the
 * name exactly as uploaded ("Contrato firmado ñ.pdf"), which browsers prefer.
 */
export function contentDisposition(
  fileName: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
