import { OnApplicationShutdown, Inject, Injectable, Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../storage/tokens';
import {
  AddAttachmentHandler,
  ChangeCustomerImageHandler,
  RemoveAttachmentHandler,
} from './attachment.handlers';
import { BLOB_STORE, BlobStore } from './blob-store/blob-store';
import { blobStoreFrom, filesDirectoryOf } from './blob-store/blob-store-from-config';
import { CustomerFiles } from './customer-files';
import { CustomerFilesErasure } from './customer-files-erasure';
import { UnreferencedBlobs } from './unreferenced-blobs';

/** DI token of the local folder uploads are received in (`<DATA_DIR>/uploads`'s parent). */
export const FILES_DIRECTORY = Symbol('FILES_DIRECTORY');

/** Closes the blob store's client at shutdown. */
@Injectable()
export class BlobStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}
  onApplicationShutdown(): void {
    this.blobs.close?.();
  }
}

/** Everything the attachments capability registers with Nest. */
export const attachmentApplicationProviders: Provider[] = [
  {
    provide: FILES_DIRECTORY,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => filesDirectoryOf(config),
  },
  {
    provide: BLOB_STORE,
    inject: [APP_CONFIG, FILES_DIRECTORY],
    useFactory: (config: AppConfig, directory: string) => blobStoreFrom(config, directory),
  },
  BlobStoreLifecycle,
  UnreferencedBlobs,
  CustomerFiles,
  CustomerFilesErasure,
  AddAttachmentHandler,
  RemoveAttachmentHandler,
  ChangeCustomerImageHandler,
];
