/** What the customer's files stream holds: the attachments on file and the current image. */
export interface CustomerFilesState {
  attachments: Readonly<Record<string, { sha256: string }>>;
  image: { sha256: string; thumbnailSha256: string } | null;
}

export const INITIAL_CUSTOMER_FILES_STATE: CustomerFilesState = { attachments: {}, image: null };
