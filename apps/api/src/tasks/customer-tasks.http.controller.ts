import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import { CommandContext, CommandOutcome, CreateTaskCommand, READ_MODELS } from '@app/application';
import { TASK_STREAM_PREFIX } from '@app/domain';
import { customerTasks, findCustomerFile, Page, TaskView } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { CreateTaskDto, CustomerTasksQueryDto } from './task-request.dto';
import { TaskPageResponse } from './task.responses';

/** Rule 24 on the customer's file: create a task from it, and its tasks tab. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('customers')
export class CustomerTasksController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post(':id/tasks')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TASK_STREAM_PREFIX)
  @ApiOperation({
    summary: 'Create a task (task, call, meeting) with the customer’s name and address filled in',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  create(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Body() body: CreateTaskDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CreateTaskCommand(uuid(), customerId, body, context));
  }

  @Get(':id/tasks')
  @QueryEndpoint()
  @ApiOperation({ summary: 'The tasks tab: in progress, open, not attended, completed; paged' })
  @ApiOkResponse({ type: TaskPageResponse })
  async tasks(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Query() paging: CustomerTasksQueryDto,
  ): Promise<Page<TaskView>> {
    if (!(await findCustomerFile(this.readModels, customerId)))
      throw new NotFoundException(`No customer ${customerId}`);
    return customerTasks(this.readModels, customerId, paging);
  }
}
