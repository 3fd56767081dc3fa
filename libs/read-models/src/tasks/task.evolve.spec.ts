import { taskDecider } from '@app/domain';
import {
  editTask,
  TASK_AT,
  taskCompleted,
  taskCreated,
  taskMarkedNotAttended,
  taskStarted,
} from '@app/domain/task/testing/task.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolveTaskRow, isRecordedTaskEvent, RecordedTaskEvent } from './task.evolve';
import { taskHistoryEntryFor } from './task.history-entries';

const edited = taskDecider.decide(
  editTask({ title: 'Visit instead', type: 'meeting', description: 'Bring a spare router' }),
  taskDecider.evolve(taskDecider.initialState, taskCreated),
)[0];
const stream = (events: readonly { type: string; data: unknown }[]) =>
  recordedStream('task-task-1', events) as RecordedTaskEvent[];

describe('the tasks row (rule 24)', () => {
  it('is the created task, open, with its customer name and address, at version 1', () => {
    expect(foldRow(evolveTaskRow, stream([taskCreated]))).toEqual({
      id: 'task-1',
      customerId: 'cust-1',
      type: 'call',
      colour: '#FF8800',
      title: 'Call about the router',
      date: '2026-03-02',
      time: '09:30',
      durationMinutes: 15,
      assignee: 'Luis',
      description: null,
      status: 'open',
      statusRank: 1,
      customerName: 'Ana García López',
      customerAddress: taskCreated.data.customerAddress,
      copiedFrom: null,
      version: 1,
      createdAt: TASK_AT,
      updatedAt: TASK_AT,
    });
  });

  it('ranks the statuses in seed 004’s order: in progress, open, not attended, completed', () => {
    const rankAfter = (event: { type: string; data: unknown }) =>
      foldRow(evolveTaskRow, stream([taskCreated, event]))!.statusRank;
    expect([taskStarted, taskMarkedNotAttended, taskCompleted].map(rankAfter)).toEqual([0, 2, 3]);
    expect(foldRow(evolveTaskRow, stream([taskCreated, taskStarted, taskCompleted]))).toMatchObject(
      { status: 'completed', version: 3 },
    );
  });

  it('takes each edit’s after values and its version', () => {
    expect(foldRow(evolveTaskRow, stream([taskCreated, edited]))).toMatchObject({
      title: 'Visit instead',
      type: 'meeting',
      description: 'Bring a spare router',
      version: 2,
    });
  });

  it('ignores events without the creation, and events of other streams', () => {
    const log = stream([taskCreated, taskStarted]);
    expect(evolveTaskRow(null, log[1])).toBeNull();
    expect(isRecordedTaskEvent({ ...log[0], stream: 'customer-cust-1' })).toBe(false);
  });
});

describe('the task lines on the customer history tab', () => {
  it('names the customer, and each step: created, edited field by field, completed', () => {
    const [created, editedLine, completed] = stream([taskCreated, edited, taskCompleted]).map(
      taskHistoryEntryFor,
    );
    expect(created).toMatchObject({
      customerId: 'cust-1',
      summary: 'Call created: Call about the router (2026-03-02 09:30)',
    });
    expect(JSON.stringify(created)).not.toMatch(/Ana García|Calle Mayor/);
    expect(editedLine).toMatchObject({
      summary: 'Task edited: type, title, description',
      changes: [
        { field: 'type', before: 'call', after: 'meeting' },
        { field: 'title', before: 'Call about the router', after: 'Visit instead' },
        { field: 'description', before: null, after: 'Bring a spare router' },
      ],
    });
    expect(completed).toMatchObject({
      summary: 'Task completed',
      changes: [{ field: 'status', after: 'completed' }],
    });
  });
});
