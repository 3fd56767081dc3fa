import { TASK_STATUSES, TaskStatus } from '@app/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { TaskRow } from './task.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;

/** A task as every view shows it: the row without its sort key. */
export type TaskView = Omit<TaskRow, 'statusRank'>;

export interface TaskFilters {
  /** Only the tasks assigned to this person. */
  assignee?: string;
}

/** One day of the month view: how many tasks, how many in each status, and the tasks. */
export interface TaskCalendarDay {
  date: string;
  count: number;
  byStatus: Record<TaskStatus, number>;
  entries: TaskView[];
}

export interface TaskMonthView {
  month: string;
  days: TaskCalendarDay[];
}

const viewOf = ({ statusRank: _rank, ...view }: TaskRow): TaskView => view;

/** Seed 004's order: in progress, open, not attended, completed; then by time. */
const inStatusOrder = (query: SelectQueryBuilder<TaskRow>) =>
  query.orderBy('t.statusRank', 'ASC').addOrderBy('t.time', 'ASC').addOrderBy('t.id', 'ASC');

function tasksWhere(source: Source, filters: TaskFilters): SelectQueryBuilder<TaskRow> {
  const query = managerOf(source).getRepository(TaskRow).createQueryBuilder('t');
  if (filters.assignee !== undefined)
    query.andWhere('t.assignee = :assignee', { assignee: filters.assignee });
  return query;
}

/** `GET /tasks?day=`: the day's tasks across customers, in status order, then by time. */
export async function tasksOfDay(
  source: Source,
  day: string,
  filters: TaskFilters = {},
): Promise<TaskView[]> {
  const query = tasksWhere(source, filters).andWhere('t.date = :day', { day });
  return (await inStatusOrder(query).getMany()).map(viewOf);
}

/** The days of a month `YYYY-MM`, `YYYY-MM-01` on. */
function daysOf(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

const noStatuses = (): Record<TaskStatus, number> =>
  Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<TaskStatus, number>;

/** `GET /tasks?month=`: every day of the month, each with its counts and its tasks in order. */
export async function tasksOfMonth(
  source: Source,
  month: string,
  filters: TaskFilters = {},
): Promise<TaskMonthView> {
  const days = daysOf(month);
  const query = tasksWhere(source, filters).andWhere('t.date BETWEEN :first AND :last', {
    first: days[0],
    last: days[days.length - 1],
  });
  const rows = await query
    .orderBy('t.date', 'ASC')
    .addOrderBy('t.statusRank', 'ASC')
    .addOrderBy('t.time', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .getMany();
  const byDay = new Map<string, TaskCalendarDay>(
    days.map((date) => [date, { date, count: 0, byStatus: noStatuses(), entries: [] }]),
  );
  for (const row of rows) {
    const day = byDay.get(row.date);
    if (!day) continue;
    day.count += 1;
    day.byStatus[row.status] += 1;
    day.entries.push(viewOf(row));
  }
  return { month, days: [...byDay.values()] };
}

/** `GET /customers/:id/tasks`: the customer's tab, in status order, then by date and time. */
export async function customerTasks(
  source: Source,
  customerId: string,
  paging: Paging = {},
): Promise<Page<TaskView>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  const [rows, total] = await managerOf(source)
    .getRepository(TaskRow)
    .createQueryBuilder('t')
    .where('t.customer_id = :customerId', { customerId })
    .orderBy('t.statusRank', 'ASC')
    .addOrderBy('t.date', 'ASC')
    .addOrderBy('t.time', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .skip(offset)
    .take(pageSize)
    .getManyAndCount();
  return { items: rows.map(viewOf), total, page, pageSize };
}

/** `GET /tasks/:id`, or `null` when none has that id. */
export async function taskById(source: Source, taskId: string): Promise<TaskView | null> {
  const row = await managerOf(source).getRepository(TaskRow).findOneBy({ id: taskId });
  return row === null ? null : viewOf(row);
}
