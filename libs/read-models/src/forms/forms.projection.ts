import { FILLED_FORM_EVENT_TYPES, FORM_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyToKeyedRows, KeyedRowsSpec } from '../rows/keyed-rows';
import { FilledFormRow, FormRow } from './form.entity';
import {
  evolveFilledFormRow,
  evolveFormRow,
  isRecordedFilledFormEvent,
  isRecordedFormEvent,
  RecordedFilledFormEvent,
  RecordedFormEvent,
} from './form.evolve';

const ERASURE = 'CustomerPersonalDataErased';

const formRows: KeyedRowsSpec<FormRow, RecordedFormEvent> = {
  entity: FormRow,
  key: 'id',
  canHandle: isRecordedFormEvent,
  keyOf: (event) => event.data.formId,
  evolve: evolveFormRow,
  lastRevisionOf: (row) => row.version - 1,
};

const filledFormRows: KeyedRowsSpec<FilledFormRow, RecordedFilledFormEvent> = {
  entity: FilledFormRow,
  key: 'id',
  canHandle: isRecordedFilledFormEvent,
  keyOf: (event) => event.data.filledFormId,
  evolve: evolveFilledFormRow,
  lastRevisionOf: (row) => row.version - 1,
};

async function applyRun(run: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  await applyToKeyedRows(formRows, run, manager);
  await applyToKeyedRows(filledFormRows, run, manager);
}

/**
 * The forms and what was filled: one row per form (every version in it) and one per filled
 * form. A customer's erasure empties the answers of every form filled for them (found through
 * `filled_forms_by_customer`), in log order with the events of the same batch; erasing an
 * erased row again changes nothing.
 */
export const formsProjection = (): Projection => ({
  name: 'forms',
  handles: [...FORM_EVENT_TYPES, ...FILLED_FORM_EVENT_TYPES, ERASURE],
  tables: ['forms', 'filled_forms'],
  rebuild: { indexesReadOn: { [ERASURE]: ['filled_forms_by_customer'] } },
  async applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    let run: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type !== ERASURE) {
        run.push(event);
        continue;
      }
      if (run.length > 0) await applyRun(run, manager);
      run = [];
      await manager.query(
        `UPDATE filled_forms SET answers = '{}'::jsonb, erased = true WHERE customer_id = $1`,
        [(event.data as { customerId: string }).customerId],
      );
    }
    if (run.length > 0) await applyRun(run, manager);
  },
});
