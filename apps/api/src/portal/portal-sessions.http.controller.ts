import {
  BadRequestException,
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { PortalLoginRefused, PortalLoginThrottled, PortalSessions } from '@app/application';
import { Public } from '../http/public.decorator';
import { ReadsProjections } from '../infrastructure/queries/min-position.interceptor';

export class PortalLoginDto {
  @ApiProperty({ description: "The customer's contact e-mail", example: 'ana@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    description: 'The portal password the customer was sent',
    example: 'Kx7pQ2mZr9WdAb',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class PortalSessionDto {
  @ApiProperty({
    description: 'Send as Authorization: Bearer <token> to /portal/me/…',
    example: 'eyJjIjoiMGI5YzVj….Qm9ndXNTaWduYXR1cmU',
  })
  token!: string;

  @ApiProperty({
    description: 'When the token stops opening anything',
    example: '2026-12-03T10:15:00.000Z',
  })
  expiresAt!: string;

  @ApiProperty({
    description: 'The customer it opens',
    example: '0b9c5c1e-3f0e-4a55-9d0f-6d8e2a1c7b11',
  })
  customerId!: string;
}

/**
 * A login is no command to replay: with an `Idempotency-Key`, the idempotency store would keep
 * the token answered and an unsalted digest of the body, password included (rule 26). Guards
 * run before that interceptor, so the key is refused here, before anything is stored.
 */
class RefusesIdempotencyKey implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.headers['idempotency-key'] !== undefined)
      throw new BadRequestException(
        'A portal login takes no Idempotency-Key: log in again instead of replaying one.',
      );
    return true;
  }
}

/** Rule 26: a customer logs in to the portal with its contact e-mail and portal password. */
@ApiTags('portal')
@Controller('portal')
export class PortalSessionsController {
  constructor(private readonly sessions: PortalSessions) {}

  @Post('sessions')
  @Public()
  @UseGuards(RefusesIdempotencyKey)
  @ReadsProjections()
  @ApiOperation({
    summary:
      'Log in to the customer portal: a short-lived token for GET /portal/me/…; 401 for any wrong e-mail or password, 429 after 5 failures in 15 minutes',
  })
  @ApiCreatedResponse({ type: PortalSessionDto })
  @ApiUnauthorizedResponse({ description: 'The e-mail or the password is wrong' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins; see Retry-After' })
  async open(
    @Body() body: PortalLoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PortalSessionDto> {
    try {
      return await this.sessions.open(body.email, body.password, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof PortalLoginRefused) throw new UnauthorizedException(error.message);
      if (error instanceof PortalLoginThrottled) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
        throw new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS);
      }
      throw error;
    }
  }
}
