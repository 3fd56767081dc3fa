import { EMPTY_ADDRESS, ERASED, TASK_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { TaskRow } from './task.entity';
import { evolveTaskRow, isRecordedTaskEvent, RecordedTaskEvent } from './task.evolve';

const ERASURE = 'CustomerPersonalDataErased';

const taskRows: KeyedRowsSpec<TaskRow, RecordedTaskEvent> = {
  entity: TaskRow,
  key: 'id',
  canHandle: isRecordedTaskEvent,
  keyOf: (event) => event.data.taskId,
  evolve: evolveTaskRow,
  lastRevisionOf: (row) => row.version - 1,
};

/**
 * Rule 24's tasks, one row each, folded like any keyed row; a customer's erasure rewrites the
 * name and address of every task of theirs (found through `tasks_by_customer`), in log order
 * with the task events of the same batch. Rewriting an erased row again changes nothing.
 */
export const tasksProjection = (): Projection => ({
  name: 'tasks',
  handles: [...TASK_EVENT_TYPES, ERASURE],
  tables: ['tasks'],
  rebuild: { indexesReadOn: { [ERASURE]: ['tasks_by_customer'] } },
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    let run: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type !== ERASURE) {
        run.push(event);
        continue;
      }
      if (run.length > 0) await applyToKeyedRows(taskRows, run, manager);
      run = [];
      await eraseCustomerTasks(manager, (event.data as { customerId: string }).customerId);
    }
    if (run.length > 0) await applyToKeyedRows(taskRows, run, manager);
  },
});

async function eraseCustomerTasks(manager: EntityManager, customerId: string): Promise<void> {
  await manager.query(
    'UPDATE tasks SET customer_name = $1, customer_address = $2::jsonb WHERE customer_id = $3',
    [ERASED, JSON.stringify(EMPTY_ADDRESS), customerId],
  );
}
