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
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { v4 as uuid } from 'uuid';
import { CommandBus } from '@nestjs/cqrs';
import { CommandEndpoint } from '../../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import {
  CommandOutcome,
  AddAddressCommand,
  EditAddressCommand,
  RemoveAddressCommand,
} from '@app/application';
import { nullableText } from '../../http/openapi-types';
import { AddressDto } from '../customer-request.dto';

export class AddAddressDto {
  @ApiPropertyOptional({ ...nullableText, example: 'Installation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string | null;

  @ApiProperty({ type: AddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

/** Any field of an address; those left out keep their value (`null` clears one). */
export class EditAddressDto {
  @ApiPropertyOptional({ ...nullableText, example: 'Second home' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string | null;

  @ApiPropertyOptional({ type: AddressDto, example: { city: 'Bilbao' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

/** An address added to the customer (`id`). */
export class AddressAddedDto extends CommandOutcome {
  @ApiProperty({ example: '5b7d9f1b-3d5f-4b7d-9f1b-3d5f7b9d1f3b' })
  addressId!: string;
}

/** "Domicilios": further addresses of a customer. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class AddressesController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/addresses')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Add an address; answers the new address id as addressId' })
  @ApiCreatedResponse({ type: AddressAddedDto })
  async add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddAddressDto,
    @Context() context: CommandContext,
  ): Promise<AddressAddedDto> {
    const addressId = uuid();
    const outcome = await this.bus.execute(
      new AddAddressCommand(id, { ...body, addressId }, context),
    );
    return { ...outcome, addressId };
  }

  @Patch(':id/addresses/:addressId')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Edit an address: the fields given, each before/after in the history' })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('addressId', ParseUUIDPipe) addressId: string,
    @Body() body: EditAddressDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new EditAddressCommand(id, { ...body, addressId }, context));
  }

  @Delete(':id/addresses/:addressId')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Remove an address' })
  @ApiOkResponse({ type: CommandOutcome })
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('addressId', ParseUUIDPipe) addressId: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RemoveAddressCommand(id, { addressId }, context));
  }
}
