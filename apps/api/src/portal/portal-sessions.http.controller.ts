import {
  Body,
  Controller,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
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

/** Rule 26: a customer logs in to the portal with its contact e-mail and portal password. */
@ApiTags('portal')
@Controller('portal')
export class PortalSessionsController {
  constructor(private readonly sessions: PortalSessions) {}

  @Post('sessions')
  @Public()
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
