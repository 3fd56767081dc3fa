/** A file received from a multipart upload, on local disk, hashed on the way in. */
export interface UploadedFile {
  /** The temporary file (the HTTP layer removes it once the request is done). */
  path: string;
  /** The name the client gave, as it gave it (shown and offered back on download). */
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * An upload refused for what its bytes are (415) — a type not accepted, a picture sharp
 * cannot read — before anything was written.
 */
export class UnsupportedFileError extends Error {
  override readonly name = 'UnsupportedFileError';
}
