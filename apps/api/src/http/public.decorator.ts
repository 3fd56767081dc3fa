import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
/** Marks an endpoint that needs no API key (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
