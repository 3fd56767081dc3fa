/** The one place that names a task's stream; handlers and projections both use it. */
export const TASK_STREAM_PREFIX = 'task-';

export const taskStream = (taskId: string): string => TASK_STREAM_PREFIX + taskId;

/** The task id of a stream name, or `null` if the stream is not a task's. */
export function taskIdOfStream(stream: string): string | null {
  return stream.startsWith(TASK_STREAM_PREFIX) ? stream.slice(TASK_STREAM_PREFIX.length) : null;
}
