import {
  BadRequestException,
  SetMetadata,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { from, Observable } from 'rxjs';
import { mergeMap } from 'rxjs/operators';
import { parseMinPosition, ProjectionProgress } from '@app/application';

const READS_PROJECTIONS = 'readsProjections';
/** Marks a non-GET endpoint that only reads projections (a simulation), so it honours X-Min-Position. */
export const ReadsProjections = () => SetMetadata(READS_PROJECTIONS, true);

/**
 * Applies `X-Min-Position` to every GET and every endpoint marked `@ReadsProjections()`: it
 * runs once the read models caught up.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(private readonly progress: ProjectionProgress) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const readsProjections =
      request.method === 'GET' ||
      Reflect.getMetadata(READS_PROJECTIONS, context.getHandler()) === true;
    if (!readsProjections) return next.handle();
    const position = parseMinPosition(request.headers['x-min-position']);
    if (position === -1n) {
      throw new BadRequestException({
        message: 'X-Min-Position must be a log position (a non-negative integer)',
        details: [{ field: 'X-Min-Position', problems: ['must be a non-negative integer'] }],
      });
    }
    return from(this.progress.waitFor(position)).pipe(mergeMap(() => next.handle()));
  }
}
