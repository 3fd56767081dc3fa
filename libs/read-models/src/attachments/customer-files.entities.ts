import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/** One attachment on a customer's file (seed 003): what the list shows; the bytes are a blob. */
@Entity({ name: 'customer_attachments' })
export class CustomerAttachmentRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text', name: 'file_name' }) fileName!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', name: 'email_subject', nullable: true }) emailSubject!: string | null;
  @Column({ type: 'text', name: 'email_from', nullable: true }) emailFrom!: string | null;
  @Column({ type: 'text', name: 'uploaded_by' }) uploadedBy!: string;
  @Column({ type: 'text', name: 'uploaded_at' }) uploadedAt!: string;
}

/** The customer's image (seed 004) and its thumbnail. */
@Entity({ name: 'customer_images' })
export class CustomerImageRow {
  @PrimaryColumn({ type: 'text', name: 'customer_id' }) customerId!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) size!: number;
  @Column({ type: 'integer' }) width!: number;
  @Column({ type: 'integer' }) height!: number;
  @Column({ type: 'text', name: 'thumbnail_sha256' }) thumbnailSha256!: string;
  @Column({ type: 'text', name: 'thumbnail_content_type' }) thumbnailContentType!: string;
  @Column({ type: 'bigint', name: 'thumbnail_size', transformer: bigintAsNumber })
  thumbnailSize!: number;
  @Column({ type: 'integer', name: 'thumbnail_width' }) thumbnailWidth!: number;
  @Column({ type: 'integer', name: 'thumbnail_height' }) thumbnailHeight!: number;
  @Column({ type: 'text', name: 'changed_at' }) changedAt!: string;
}
