import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import {
  CommandContext,
  CommandOutcome,
  CompleteTaskCommand,
  CopyTaskCommand,
  EditTaskCommand,
  MarkTaskNotAttendedCommand,
  READ_MODELS,
  StartTaskCommand,
} from '@app/application';
import { TASK_STREAM_PREFIX } from '@app/domain';
import { taskById, tasksOfDay, tasksOfMonth, TaskMonthView, TaskView } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import { CopyTaskDto, EditTaskDto, TaskCalendarQueryDto } from './task-request.dto';
import { TaskDayResponse, TaskMonthResponse, TaskResponse } from './task.responses';
import { AnswerWithTheCopy } from './task-answers';

/** Rule 24: a task's actions, and the day and month calendars across customers. */
@ApiTags('tasks')
@ApiBearerAuth()
@ApiExtraModels(TaskDayResponse, TaskMonthResponse)
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Patch(':id')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TASK_STREAM_PREFIX)
  @ApiOperation({ summary: 'Edit a task; the history keeps each field before and after' })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditTaskDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new EditTaskCommand(id, body, context));
  }

  @Post(':id/start')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TASK_STREAM_PREFIX)
  @ApiOperation({ summary: 'Put an open task in progress' })
  @ApiOkResponse({ type: CommandOutcome })
  start(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new StartTaskCommand(id, {}, context));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TASK_STREAM_PREFIX)
  @ApiOperation({ summary: 'Complete an open or in-progress task' })
  @ApiOkResponse({ type: CommandOutcome })
  complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CompleteTaskCommand(id, {}, context));
  }

  @Post(':id/not-attended')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(TASK_STREAM_PREFIX)
  @ApiOperation({ summary: 'Mark an open or in-progress task not attended' })
  @ApiOkResponse({ type: CommandOutcome })
  markNotAttended(
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new MarkTaskNotAttendedCommand(id, {}, context));
  }

  @Post(':id/copy')
  @CommandEndpoint()
  @AnswerWithTheCopy()
  @ApiOperation({
    summary: 'Copy a task to another date and time: a new open task; answers the copy',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  copy(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CopyTaskDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CopyTaskCommand(id, uuid(), body, context));
  }

  @Get()
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The day (`day=`) or month (`month=`) calendar across customers: in progress, open, not attended, completed, then by time',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(TaskDayResponse) }, { $ref: getSchemaPath(TaskMonthResponse) }],
    },
  })
  async calendar(
    @Query() query: TaskCalendarQueryDto,
  ): Promise<{ day: string; entries: TaskView[] } | TaskMonthView> {
    const filters = query.assignee === undefined ? {} : { assignee: query.assignee };
    if (query.day !== undefined && query.month === undefined)
      return { day: query.day, entries: await tasksOfDay(this.readModels, query.day, filters) };
    if (query.month !== undefined && query.day === undefined)
      return tasksOfMonth(this.readModels, query.month, filters);
    throw new BadRequestException({
      message: 'Give either day (YYYY-MM-DD) or month (YYYY-MM).',
      details: [{ field: 'day', message: 'Give either day or month, not both or neither' }],
    });
  }

  @Get(':id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One task' })
  @ApiOkResponse({ type: TaskResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<TaskView> {
    const task = await taskById(this.readModels, id);
    if (!task) throw new NotFoundException(`No task ${id}`);
    return task;
  }
}
