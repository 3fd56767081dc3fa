import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { v4 as uuid } from 'uuid';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import {
  CommandOutcome,
  AddContactPersonCommand,
  EditContactPersonCommand,
  RemoveContactPersonCommand,
} from '@app/application';
import { nullableText } from '../../http/openapi-types';

export class ConsentsDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() mailing?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() sms?: boolean;
}

export class AddContactDto {
  @ApiProperty({ example: 'Marta Ruiz' }) @IsString() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ ...nullableText, example: 'Accounts' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  role?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'marta@fibranorte.example' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: '+34 600 111 222' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ type: ConsentsDto, description: 'Opt-in: a flag left out is false' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentsDto)
  consents?: ConsentsDto;
}

/** Any field of a contact person; those left out keep their value (each consent flag too). */
export class EditContactDto extends PartialType(AddContactDto) {}

/** A contact person added to the customer (`id`). */
export class ContactAddedDto extends CommandOutcome {
  @ApiProperty({ example: '1a3c5e7a-9c1e-4a3c-8e7a-9c1e3a5c7e9a' })
  contactId!: string;
}

/** "Contactos": contact persons with their consent to mailing, e-mail and SMS. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class ContactsController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/contacts')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Add a contact person; answers the new contact id as contactId' })
  @ApiCreatedResponse({ type: ContactAddedDto })
  async add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddContactDto,
    @Context() context: CommandContext,
  ): Promise<ContactAddedDto> {
    const contactId = uuid();
    const outcome = await this.bus.execute(
      new AddContactPersonCommand(id, { ...body, contactId }, context),
    );
    return { ...outcome, contactId };
  }

  @Patch(':id/contacts/:contactId')
  @CommandEndpoint()
  @ApiOperation({
    summary: 'Edit a contact person: the fields given, each before/after in the history',
  })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Body() body: EditContactDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new EditContactPersonCommand(id, { ...body, contactId }, context));
  }

  @Delete(':id/contacts/:contactId')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Remove a contact person' })
  @ApiOkResponse({ type: CommandOutcome })
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RemoveContactPersonCommand(id, { contactId }, context));
  }
}
