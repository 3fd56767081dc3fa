import { given } from '../shared/testing/decider-specification';
import { copyCreation, taskDecider } from './task.decider';
import { TaskCopied } from './task.events';
import { TaskRecord } from './task.state';
import {
  completeTask,
  COPY_ID,
  copyTask,
  createTask,
  customerOnFile,
  editTask,
  markTaskNotAttended,
  startTask,
  TASK_AT,
  TASK_CUSTOMER_ID,
  TASK_ID,
  taskCompleted,
  taskCreated,
  taskMarkedNotAttended,
  taskStarted,
} from './testing/task.fixtures';

const task = given(taskDecider);

describe('Tasks (rule 24)', () => {
  describe('creating from the customer file', () => {
    it('records the task open, with the customer name and address the file holds', () => {
      task([]).when(createTask()).then([taskCreated]);
      expect(task([taskCreated]).state()).toMatchObject({ status: 'open' });
    });

    it('refuses an unknown customer (404) and a deleted or erased one', () => {
      task([])
        .when(createTask({ customer: { status: 'unregistered', name: null, address: null } }))
        .thenRefuses('R24.CUSTOMER_NOT_FOUND');
      for (const status of ['deleted', 'erased'] as const)
        task([])
          .when(createTask({ customer: { status, name: null, address: null } }))
          .thenRefuses('R24.CUSTOMER_GONE');
    });

    it('takes an inactive customer', () => {
      const inactive = { ...customerOnFile, status: 'inactive' as const };
      task([])
        .when(createTask({ customer: inactive }))
        .then([taskCreated]);
    });

    it('refuses every bad field at once, each named: type, colour, impossible date, time, duration, blank title and assignee', () => {
      task([])
        .when(
          createTask({
            type: 'visit' as never,
            colour: 'red',
            date: '2026-02-30',
            time: '24:00',
            durationMinutes: 0,
            title: '  ',
            assignee: null,
          }),
        )
        .thenRefuses('R24.INVALID_INPUT', {
          details: [
            { field: 'type' },
            { field: 'colour' },
            { field: 'date' },
            { field: 'time' },
            { field: 'durationMinutes' },
            { field: 'title' },
            { field: 'assignee' },
          ],
        });
    });

    it('names a field given something other than text once', () => {
      task([])
        .when(createTask({ title: 42 as never }))
        .thenRefuses('R24.INVALID_INPUT', {
          details: [{ field: 'title', message: 'title must be text.' }],
        });
    });

    it('refuses a title longer than allowed', () => {
      task([])
        .when(createTask({ title: 'x'.repeat(201) }))
        .thenRefuses('R24.INVALID_INPUT', { details: [{ field: 'title' }] });
    });

    it('refuses a second creation under the same id', () => {
      task([taskCreated]).when(createTask()).thenRefuses('R24.TASK_ID_TAKEN');
    });
  });

  describe('statuses: open → in progress → completed, or not attended', () => {
    it('starts an open task', () => {
      task([taskCreated]).when(startTask).then([taskStarted]);
      expect(task([taskCreated, taskStarted]).state()).toMatchObject({ status: 'in_progress' });
    });

    it('completes an open or an in-progress task', () => {
      task([taskCreated]).when(completeTask).then([taskCompleted]);
      task([taskCreated, taskStarted]).when(completeTask).then([taskCompleted]);
    });

    it('marks an open or in-progress task not attended', () => {
      task([taskCreated]).when(markTaskNotAttended).then([taskMarkedNotAttended]);
      task([taskCreated, taskStarted]).when(markTaskNotAttended).then([taskMarkedNotAttended]);
    });

    it('refuses to complete a completed task again, or a task not attended', () => {
      task([taskCreated, taskCompleted])
        .when(completeTask)
        .thenRefuses('R24.ILLEGAL_TRANSITION', { message: /is completed/ });
      task([taskCreated, taskMarkedNotAttended])
        .when(completeTask)
        .thenRefuses('R24.ILLEGAL_TRANSITION');
    });

    it('refuses to start a task that is not open', () => {
      for (const past of [[taskStarted], [taskCompleted], [taskMarkedNotAttended]])
        task([taskCreated, ...past])
          .when(startTask)
          .thenRefuses('R24.ILLEGAL_TRANSITION');
    });

    it('refuses to mark a completed or not-attended task not attended', () => {
      task([taskCreated, taskCompleted])
        .when(markTaskNotAttended)
        .thenRefuses('R24.ILLEGAL_TRANSITION');
      task([taskCreated, taskMarkedNotAttended])
        .when(markTaskNotAttended)
        .thenRefuses('R24.ILLEGAL_TRANSITION');
    });

    it('refuses every action on a task that does not exist (404)', () => {
      for (const command of [
        startTask,
        completeTask,
        markTaskNotAttended,
        editTask({}),
        copyTask(),
      ])
        task([]).when(command).thenRefuses('R24.TASK_NOT_FOUND');
    });
  });

  describe('editing', () => {
    it('records each changed field with its before and after', () => {
      task([taskCreated])
        .when(
          editTask({ title: 'Visit instead', type: 'meeting', colour: '#ff8800', time: '10:00' }),
        )
        .then([
          {
            type: 'TaskEdited',
            data: {
              taskId: TASK_ID,
              customerId: TASK_CUSTOMER_ID,
              changes: [
                { field: 'type', before: 'call', after: 'meeting' },
                { field: 'title', before: 'Call about the router', after: 'Visit instead' },
                { field: 'time', before: '09:30', after: '10:00' },
              ],
              editedAt: TASK_AT,
            },
          },
        ]);
    });

    it('clears the description and duration with null; the state follows the changes', () => {
      const withNotes = {
        ...taskCreated,
        data: { ...taskCreated.data, description: 'Bring a spare' },
      };
      const [edited] = taskDecider.decide(
        editTask({ description: null, durationMinutes: null }),
        task([withNotes]).state(),
      );
      const state = task([withNotes, edited as never]).state() as TaskRecord;
      expect(state.fields).toMatchObject({ description: null, durationMinutes: null });
    });

    it('changes nothing when nothing differs', () => {
      task([taskCreated])
        .when(editTask({ title: ' Call about the router ' }))
        .thenNothingHappens();
    });

    it('refuses an impossible date, naming the field, and edits of a completed task', () => {
      task([taskCreated])
        .when(editTask({ date: '2026-02-29' }))
        .thenRefuses('R24.INVALID_INPUT', { details: [{ field: 'date' }] });
      task([taskCreated, taskCompleted])
        .when(editTask({ title: 'Late' }))
        .thenRefuses('R24.COMPLETED_IS_FINAL');
    });

    it('edits an in-progress or not-attended task', () => {
      for (const past of [[taskStarted], [taskMarkedNotAttended]])
        task([taskCreated, ...past])
          .when(editTask({ assignee: 'Marta' }))
          .then([expect.objectContaining({ type: 'TaskEdited' })] as never);
    });
  });

  describe('copying', () => {
    const copied: TaskCopied = {
      type: 'TaskCopied',
      data: {
        taskId: TASK_ID,
        customerId: TASK_CUSTOMER_ID,
        copyId: COPY_ID,
        date: '2026-03-09',
        time: '16:00',
        copiedAt: TASK_AT,
      },
    };

    it('records the copy on the source, in any status', () => {
      for (const past of [[], [taskStarted], [taskCompleted], [taskMarkedNotAttended]])
        task([taskCreated, ...past])
          .when(copyTask())
          .then([copied]);
    });

    it('creates the copy open, with the same fields at the new date and time', () => {
      const source = task([taskCreated, taskCompleted]).state() as TaskRecord;
      const creation = copyCreation(source, copied.data, customerOnFile, { at: TASK_AT });
      task([])
        .when(creation)
        .then([
          {
            type: 'TaskCreated',
            data: {
              ...taskCreated.data,
              taskId: COPY_ID,
              date: '2026-03-09',
              time: '16:00',
              copiedFrom: TASK_ID,
            },
          },
        ]);
    });

    it('refuses an impossible date or time, and a customer gone since', () => {
      task([taskCreated])
        .when(copyTask({ date: '2026-04-31', time: '7:00' }))
        .thenRefuses('R24.INVALID_INPUT', { details: [{ field: 'date' }, { field: 'time' }] });
      task([taskCreated])
        .when(copyTask({ customer: { status: 'erased', name: null, address: null } }))
        .thenRefuses('R24.CUSTOMER_GONE');
    });
  });
});
