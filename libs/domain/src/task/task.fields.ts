import { RefusalReason } from '../shared/domain-error';
import { inputChecks, optionalText } from '../shared/input-checks';
import { isCalendarDate } from '../shared/iso-dates';
import { TaskRefusal } from './task.errors';

/** Rule 24: the three kinds of task, each with its icon. */
export const TASK_TYPES = ['task', 'call', 'meeting'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** Rule 24's statuses, in the order every view lists them (seed 004). */
export const TASK_STATUSES = ['in_progress', 'open', 'not_attended', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const MAX_TASK_TITLE_LENGTH = 200;
export const MAX_TASK_ASSIGNEE_LENGTH = 100;
export const MAX_TASK_DESCRIPTION_LENGTH = 4000;
/** A task lasts at most a day. */
export const MAX_TASK_DURATION_MINUTES = 24 * 60;

/** `#RRGGBB`, stored upper-case. */
export const TASK_COLOUR_PATTERN = /^#[0-9A-Fa-f]{6}$/;
/** A wall-clock time `HH:MM`, 00:00–23:59. */
export const TASK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What the operator sets on a task, all editable. `date` and `time` are the operators' local
 * wall clock (Europe/Madrid) as written: a task at 09:00 is at 09:00 in summer and winter.
 */
export interface TaskFields {
  type: TaskType;
  colour: string;
  title: string;
  date: string;
  time: string;
  durationMinutes: number | null;
  assignee: string;
  description: string | null;
}

export const EDITABLE_TASK_FIELDS = [
  'type',
  'colour',
  'title',
  'date',
  'time',
  'durationMinutes',
  'assignee',
  'description',
] as const satisfies readonly (keyof TaskFields)[];

/** The fields as a client gives them: anything may be missing or wrong. */
export type TaskInput = { [K in keyof TaskFields]?: TaskFields[K] | null };

const { invalid } = inputChecks(TaskRefusal.invalidInput);

const isTaskType = (value: unknown): value is TaskType =>
  (TASK_TYPES as readonly unknown[]).includes(value);

function boundedText(
  value: unknown,
  field: keyof TaskFields,
  max: number,
  problems: RefusalReason[],
  required?: string,
): string | null {
  if (value !== null && value !== undefined && typeof value !== 'string') {
    problems.push(invalid(field, `${field} must be text.`));
    return null;
  }
  const text = optionalText(value);
  if (text === null && required !== undefined) problems.push(invalid(field, required));
  if (text !== null && text.length > max)
    problems.push(invalid(field, `${field} is at most ${max} characters, got ${text.length}.`));
  return text;
}

/** Rule 24's checks on a task's fields, every problem listed; the values normalised. */
export function taskFieldsOf(input: TaskInput, problems: RefusalReason[]): TaskFields {
  const { type, colour, date, time, durationMinutes } = input;
  if (!isTaskType(type))
    problems.push(invalid('type', `type must be one of ${TASK_TYPES.join(', ')}.`));
  if (typeof colour !== 'string' || !TASK_COLOUR_PATTERN.test(colour))
    problems.push(invalid('colour', `colour must be #RRGGBB, got ${JSON.stringify(colour)}.`));
  if (!isCalendarDate(date))
    problems.push(invalid('date', `date must be a day that exists, YYYY-MM-DD.`));
  if (typeof time !== 'string' || !TASK_TIME_PATTERN.test(time))
    problems.push(invalid('time', `time must be HH:MM (00:00–23:59).`));
  const duration = durationMinutes ?? null;
  if (
    duration !== null &&
    (!Number.isInteger(duration) || duration < 1 || duration > MAX_TASK_DURATION_MINUTES)
  )
    problems.push(
      invalid(
        'durationMinutes',
        `durationMinutes must be whole minutes, 1–${MAX_TASK_DURATION_MINUTES}.`,
      ),
    );
  const title = boundedText(
    input.title,
    'title',
    MAX_TASK_TITLE_LENGTH,
    problems,
    'Give the task a title.',
  );
  const assignee = boundedText(
    input.assignee,
    'assignee',
    MAX_TASK_ASSIGNEE_LENGTH,
    problems,
    'Assign the task to someone.',
  );
  const description = boundedText(
    input.description,
    'description',
    MAX_TASK_DESCRIPTION_LENGTH,
    problems,
  );
  return {
    type: type as TaskType,
    colour: typeof colour === 'string' ? colour.toUpperCase() : '',
    title: title ?? '',
    date: date ?? '',
    time: time ?? '',
    durationMinutes: duration,
    assignee: assignee ?? '',
    description,
  };
}

/** The fields of a task with a patch laid over them (`undefined`: left as it was). */
export function patchedTaskInput(fields: TaskFields, patch: TaskInput): TaskInput {
  const input: TaskInput = { ...fields };
  for (const field of EDITABLE_TASK_FIELDS)
    if (patch[field] !== undefined) (input as Record<string, unknown>)[field] = patch[field];
  return input;
}
