import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './api-key.guard';

/** Rate limits per API key (per address for callers without one), after authentication. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const identity = request.identity as AuthenticatedRequest['identity'];
    const ip = typeof request.ip === 'string' ? request.ip : undefined;
    return identity?.keyId ?? ip ?? 'unknown';
  }
}
