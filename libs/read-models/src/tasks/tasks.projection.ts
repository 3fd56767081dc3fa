import { EMPTY_ADDRESS, ERASED, TASK_EVENT_TYPES } from '@app/domain';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { TaskRow } from './task.entity';
import { evolveTaskRow, isRecordedTaskEvent } from './task.evolve';

/**
 * Rule 24's tasks, one row each, folded like any keyed row; a customer's erasure rewrites the
 * name and address of every task of theirs (found through `tasks_by_customer`), in log order
 * with the task events of the same batch. Rewriting an erased row again changes nothing.
 */
export const tasksProjection = (): Projection =>
  keyedRowProjection({
    name: 'tasks',
    handles: TASK_EVENT_TYPES,
    table: 'tasks',
    entity: TaskRow,
    key: 'id',
    canHandle: isRecordedTaskEvent,
    keyOf: (event) => event.data.taskId,
    evolve: evolveTaskRow,
    lastRevisionOf: (row) => row.version - 1,
    erasedWithCustomer: { byCustomerIndex: 'tasks_by_customer', erase: eraseCustomerTasks },
  });

async function eraseCustomerTasks(manager: EntityManager, customerId: string): Promise<void> {
  await manager.query(
    'UPDATE tasks SET customer_name = $1, customer_address = $2::jsonb WHERE customer_id = $3',
    [ERASED, JSON.stringify(EMPTY_ADDRESS), customerId],
  );
}
