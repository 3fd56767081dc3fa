import { CustomerImportEvent, ImportRowOutcome } from './customer-import.events';
import { RejectedImportRow } from './customer-import.rows';

export type CustomerImportState =
  | { status: 'none' }
  | {
      status: 'running' | 'done';
      importId: string;
      fileSha256: string;
      format: 'default' | 'excel-es';
      total: number;
      rows: number[];
      rejectedUpFront: RejectedImportRow[];
      outcomes: ImportRowOutcome[];
      startedAt: string;
      completedAt: string | null;
    };

export const initialCustomerImportState: CustomerImportState = { status: 'none' };

export function evolveCustomerImport(
  state: CustomerImportState,
  event: CustomerImportEvent,
): CustomerImportState {
  switch (event.type) {
    case 'CustomerImportStarted':
      return {
        status: 'running',
        importId: event.data.importId,
        fileSha256: event.data.fileSha256,
        format: event.data.format,
        total: event.data.total,
        rows: event.data.rows,
        rejectedUpFront: event.data.rejected,
        outcomes: [],
        startedAt: event.data.startedAt,
        completedAt: null,
      };
    case 'CustomerImportProgressed':
      if (state.status === 'none') return state;
      return { ...state, outcomes: [...state.outcomes, ...event.data.outcomes] };
    case 'CustomerImportCompleted':
      if (state.status === 'none') return state;
      return { ...state, status: 'done', completedAt: event.data.completedAt };
  }
}

/** The valid rows not reached yet, in the file's order. */
export function pendingImportRows(state: CustomerImportState): number[] {
  if (state.status !== 'running') return [];
  return state.rows.slice(state.outcomes.length);
}

/** Every row refused, up front or when written, in the file's order. */
export function rejectedImportRows(state: CustomerImportState): RejectedImportRow[] {
  if (state.status === 'none') return [];
  const late = state.outcomes.flatMap((outcome) =>
    outcome.outcome === 'rejected' ? [{ row: outcome.row, reasons: outcome.reasons }] : [],
  );
  return [...state.rejectedUpFront, ...late].sort((a, b) => a.row - b.row);
}

export const importedCount = (state: CustomerImportState): number =>
  state.status === 'none'
    ? 0
    : state.outcomes.filter((outcome) => outcome.outcome === 'imported').length;
