import { Module } from '@nestjs/common';
import { taskApplicationProviders } from '@app/application';
import { CustomerTasksController } from './customer-tasks.http.controller';
import { TasksController } from './tasks.http.controller';

/** Rule 24: tasks and the calendar. */
@Module({
  controllers: [CustomerTasksController, TasksController],
  providers: taskApplicationProviders,
})
export class TasksModule {}
