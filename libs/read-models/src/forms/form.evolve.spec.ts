import { filledFormDecider } from '@app/domain';
import {
  editAnswers,
  fillForm,
  FORM_AT,
  formDefined,
  formRetired,
  versionPublished,
} from '@app/domain/form/testing/form.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import {
  evolveFilledFormRow,
  evolveFormRow,
  isRecordedFilledFormEvent,
  RecordedFilledFormEvent,
  RecordedFormEvent,
} from './form.evolve';
import { filledFormHistoryEntryFor } from './form.history-entries';

const [filled] = filledFormDecider.decide(fillForm(), filledFormDecider.initialState);
const [edited] = filledFormDecider.decide(
  editAnswers({ lights: 'Verde', notes: null }),
  filledFormDecider.evolve(filledFormDecider.initialState, filled),
);
const filledStream = (events: readonly { type: string; data: unknown }[]) =>
  recordedStream('filled-form-filled-1', events) as RecordedFilledFormEvent[];

describe('the forms row', () => {
  it('keeps every version, the current one’s name, and the retirement', () => {
    const row = foldRow(
      evolveFormRow,
      recordedStream('form-form-1', [
        formDefined,
        versionPublished,
        formRetired,
      ]) as RecordedFormEvent[],
    );
    expect(row).toMatchObject({
      id: 'form-1',
      status: 'retired',
      currentVersion: 2,
      version: 3,
      createdAt: FORM_AT,
    });
    expect(row?.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(row?.versions[0].fields.map((field) => field.key)).toContain('notes');
  });
});

describe('the filled forms row', () => {
  it('is the fill with its version, then each edit’s answers', () => {
    expect(foldRow(evolveFilledFormRow, filledStream([filled]))).toMatchObject({
      id: 'filled-1',
      customerId: 'cust-1',
      formVersion: 1,
      answers: { lights: 'Rojo', notes: 'Perro en el jardín' },
      erased: false,
      version: 1,
      filledPosition: '1',
    });
    const after = foldRow(evolveFilledFormRow, filledStream([filled, edited]));
    expect(after).toMatchObject({ version: 2, answers: { lights: 'Verde' } });
    expect(after?.answers).not.toHaveProperty('notes');
  });

  it('ignores events of other streams', () => {
    expect(isRecordedFilledFormEvent({ ...filledStream([filled])[0], stream: 'form-x' })).toBe(
      false,
    );
  });
});

describe('the filled form lines on the customer history tab', () => {
  it('names the form, its version and the questions an edit changed, never the answers', () => {
    const [fillLine, editLine] = filledStream([filled, edited]).map(filledFormHistoryEntryFor);
    expect(fillLine).toMatchObject({
      customerId: 'cust-1',
      summary: 'Form filled: Checklist antes de enviar técnico (version 1)',
    });
    expect(editLine).toMatchObject({
      summary: 'Form answers edited: Checklist antes de enviar técnico: lights, notes',
      changes: [{ field: 'forms', after: { formVersion: 1, questions: ['lights', 'notes'] } }],
    });
    expect(JSON.stringify([fillLine, editLine])).not.toMatch(/Rojo|Verde|Perro/);
  });
});
