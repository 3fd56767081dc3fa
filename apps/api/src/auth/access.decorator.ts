import { SetMetadata } from '@nestjs/common';
import { Role } from './api-keys';

export const ALLOWED_ROLES = 'allowedRoles';

/** A command: operators and admins (API.md, Auth). */
export const CommandEndpoint = () => SetMetadata(ALLOWED_ROLES, ['admin', 'operator'] as Role[]);
/** A query: every role, auditors included. */
export const QueryEndpoint = () =>
  SetMetadata(ALLOWED_ROLES, ['admin', 'operator', 'auditor'] as Role[]);
/** Auditor tools (time travel, the event log): auditors and admins. */
export const AuditEndpoint = () => SetMetadata(ALLOWED_ROLES, ['admin', 'auditor'] as Role[]);
