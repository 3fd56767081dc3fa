import { normalizePaging, Page, Paging } from '../customers/paging';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { CustomerAttachmentRow, CustomerImageRow } from './customer-files.entities';

/** An attachment as the list and `GET /attachments/:id/metadata` show it. */
export type AttachmentView = CustomerAttachmentRow;

/** `GET /customers/:id/attachments`: newest first, paged. */
export async function customerAttachments(
  source: ReadModelSource,
  customerId: string,
  paging: Paging = {},
): Promise<Page<AttachmentView>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  const repository = managerOf(source).getRepository(CustomerAttachmentRow);
  const [items, total] = await repository.findAndCount({
    where: { customerId },
    order: { uploadedAt: 'DESC', id: 'DESC' },
    skip: offset,
    take: pageSize,
  });
  return { items, total, page, pageSize };
}

export const attachmentById = (
  source: ReadModelSource,
  attachmentId: string,
): Promise<AttachmentView | null> =>
  managerOf(source).getRepository(CustomerAttachmentRow).findOneBy({ id: attachmentId });

export const customerImageOf = (
  source: ReadModelSource,
  customerId: string,
): Promise<CustomerImageRow | null> =>
  managerOf(source).getRepository(CustomerImageRow).findOneBy({ customerId });

/**
 * Whether any attachment or customer image still names the blob, besides the customers
 * listed in `except` (an erased one whose rows may not be gone yet).
 */
export async function isBlobReferenced(
  source: ReadModelSource,
  sha256: string,
  except: { customerId?: string } = {},
): Promise<boolean> {
  const other = except.customerId ?? '';
  const rows = await managerOf(source).query<unknown[]>(
    `SELECT 1 FROM customer_attachments WHERE sha256 = $1 AND customer_id <> $2
     UNION ALL
     SELECT 1 FROM customer_images
       WHERE (sha256 = $1 OR thumbnail_sha256 = $1) AND customer_id <> $2
     LIMIT 1`,
    [sha256, other],
  );
  return rows.length > 0;
}

/** What the customer file shows of its image (seed 004): where to fetch it, or `null`. */
export interface CustomerFileImage {
  url: string;
  thumbnailUrl: string;
  contentType: string;
  width: number;
  height: number;
  changedAt: string;
}

/** What the customer file shows of its files: the image, and how many attachments. */
export interface CustomerFileFiles {
  image: CustomerFileImage | null;
  attachmentCount: number;
}

/** The customer file's image block: where to fetch the image and its thumbnail. */
export const imageBlockOf = (
  customerId: string,
  image: Pick<CustomerImageRow, 'contentType' | 'width' | 'height' | 'changedAt'> | null,
): CustomerFileImage | null =>
  image === null
    ? null
    : {
        url: `/api/customers/${customerId}/image`,
        thumbnailUrl: `/api/customers/${customerId}/image/thumbnail`,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        changedAt: image.changedAt,
      };
