import { given } from '../../shared/testing/decider-specification';
import {
  AnswerLine,
  PrepareVerifactuSubmission,
  RecordVerifactuSubmissionAnswer,
  VerifactuSubmissionCommand,
} from './verifactu-submission.commands';
import { verifactuSubmissionDecider } from './verifactu-submission.decider';
import { VerifactuSubmissionRefusal as Refusal } from './verifactu-submission.errors';
import {
  SubmittedRecord,
  VerifactuSubmissionEvent,
  verifactuSubmissionStream,
} from './verifactu-submission.events';

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T10:00:05.000Z';
const T2 = '2026-03-01T10:02:00.000Z';

const record = (n: number, kind: SubmittedRecord['kind'] = 'registration'): SubmittedRecord => ({
  recordId: `record-${n}`,
  kind,
  issuerNif: '89890001K',
  numSerie: `FA-00000${n}`,
  issueDate: '2026-03-01',
});
const R1 = record(1);
const R2 = record(2);
const R3 = record(3, 'cancellation');

const prepare = (
  records: SubmittedRecord[],
  submissionId = 'sub-1',
  at = T0,
): PrepareVerifactuSubmission => ({
  type: 'PrepareVerifactuSubmission',
  data: { submissionId, issuerId: 'issuer-1', records, xmlDigest: 'ab'.repeat(32) },
  metadata: { at },
});
const sent = (submissionId = 'sub-1', at = T0): VerifactuSubmissionCommand => ({
  type: 'RecordVerifactuSubmissionSent',
  data: { submissionId },
  metadata: { at },
});
const line = (r: SubmittedRecord, overrides: Partial<AnswerLine> = {}): AnswerLine => ({
  issuerNif: r.issuerNif,
  numSerie: r.numSerie,
  issueDate: '01-03-2026',
  operation: r.kind === 'registration' ? 'Alta' : 'Anulacion',
  state: 'Correcto',
  errorCode: null,
  errorDescription: null,
  ...overrides,
});
const answer = (
  lines: AnswerLine[],
  state: 'Correcto' | 'ParcialmenteCorrecto' | 'Incorrecto' = 'Correcto',
  submissionId = 'sub-1',
): RecordVerifactuSubmissionAnswer => ({
  type: 'RecordVerifactuSubmissionAnswer',
  data: {
    submissionId,
    answer: { kind: 'answer', state, csv: 'CSV1', waitSeconds: 60, lines },
    faultBackoffMs: 300_000,
  },
  metadata: { at: T1 },
});
const failure = (at = T1): VerifactuSubmissionCommand => ({
  type: 'RecordVerifactuSubmissionFailure',
  data: { submissionId: 'sub-1', error: 'no answer within 30000 ms', retryInitialMs: 60_000 },
  metadata: { at },
});

const decide = (past: VerifactuSubmissionEvent[], command: VerifactuSubmissionCommand) =>
  verifactuSubmissionDecider.decide(
    command,
    past.reduce(verifactuSubmissionDecider.evolve, verifactuSubmissionDecider.initialState),
  );
const submissions = given(verifactuSubmissionDecider);

const prepared = decide([], prepare([R1, R2, R3]));
const sentOnce = [...prepared, ...decide(prepared, sent())];

describe('VERI*FACTU submissions (rule 22)', () => {
  it('live in one stream per issuer', () => {
    expect(verifactuSubmissionStream('issuer-1')).toBe('verifactu-submissions-issuer-1');
  });

  it('prepares a submission of records not yet submitted', () => {
    submissions([])
      .when(prepare([R1, R2, R3]))
      .then([
        {
          type: 'VerifactuSubmissionPrepared',
          data: {
            submissionId: 'sub-1',
            issuerId: 'issuer-1',
            records: [R1, R2, R3],
            xmlDigest: 'ab'.repeat(32),
            preparedAt: T0,
          },
        },
      ]);
  });

  it('refuses an empty submission, more than 1000 records, or a record twice', () => {
    submissions([]).when(prepare([])).thenRefuses(Refusal.invalidInput);
    const many = Array.from({ length: 1001 }, (_, i) => record(i + 1));
    submissions([]).when(prepare(many)).thenRefuses(Refusal.invalidInput);
    submissions([])
      .when(prepare([R1, R1]))
      .thenRefuses(Refusal.invalidInput);
  });

  it('sends the submission in flight again before another is prepared', () => {
    submissions(sentOnce)
      .when(prepare([record(4)], 'sub-2'))
      .thenRefuses(Refusal.oneInFlight);
  });

  it('counts each post: attempt 1, 2…', () => {
    submissions(prepared)
      .when(sent())
      .then([
        {
          type: 'VerifactuSubmissionSent',
          data: { submissionId: 'sub-1', attempt: 1, sentAt: T0 },
        },
      ]);
  });

  it('records each record’s verdict: accepted, accepted with errors, rejected with its code', () => {
    const events = decide(
      sentOnce,
      answer(
        [
          line(R1),
          line(R2, { state: 'Incorrecto', errorCode: 1100, errorDescription: 'Valor incorrecto' }),
          line(R3, { state: 'AceptadoConErrores', errorCode: 2000, errorDescription: 'Aviso' }),
        ],
        'ParcialmenteCorrecto',
      ),
    );
    expect(events).toEqual([
      {
        type: 'VerifactuSubmissionAnswered',
        data: {
          submissionId: 'sub-1',
          attempt: 1,
          outcome: 'ParcialmenteCorrecto',
          csv: 'CSV1',
          fault: null,
          records: [
            {
              recordId: R1.recordId,
              status: 'accepted',
              aeatState: 'Correcto',
              errorCode: null,
              errorDescription: null,
            },
            {
              recordId: R2.recordId,
              status: 'rejected',
              aeatState: 'Incorrecto',
              errorCode: 1100,
              errorDescription: 'Valor incorrecto',
            },
            {
              recordId: R3.recordId,
              status: 'accepted',
              aeatState: 'AceptadoConErrores',
              errorCode: 2000,
              errorDescription: 'Aviso',
            },
          ],
          answeredAt: T1,
          nextSubmissionAt: '2026-03-01T10:01:05.000Z',
        },
      },
    ]);
  });

  it('takes a record AEAT calls duplicate (3000) as accepted: it holds it from a lost answer', () => {
    const [event] = decide(
      sentOnce,
      answer(
        [R1, R2, R3].map((r) =>
          line(r, { state: 'Incorrecto', errorCode: 3000, errorDescription: 'Duplicado' }),
        ),
        'Incorrecto',
      ),
    );
    expect(event.type === 'VerifactuSubmissionAnswered' && event.data.records).toEqual(
      [R1, R2, R3].map((r) =>
        expect.objectContaining({ recordId: r.recordId, status: 'accepted' }),
      ),
    );
  });

  it('matches lines by operation: a cancellation’s line is not its invoice’s registration', () => {
    const cancelOfR1: SubmittedRecord = { ...R1, recordId: 'record-9', kind: 'cancellation' };
    const first = decide([], prepare([R1, cancelOfR1]));
    const past = [...first, ...decide(first, sent())];
    const [event] = decide(
      past,
      answer(
        [
          line(R1),
          line(cancelOfR1, { state: 'Incorrecto', errorCode: 3001, errorDescription: 'No existe' }),
        ],
        'ParcialmenteCorrecto',
      ),
    );
    expect(
      event.type === 'VerifactuSubmissionAnswered' && event.data.records.map((r) => r.status),
    ).toEqual(['accepted', 'rejected']);
  });

  it('a record AEAT’s answer does not mention is in error, not silently accepted', () => {
    const [event] = decide(sentOnce, answer([line(R1), line(R2)]));
    expect(event.type === 'VerifactuSubmissionAnswered' && event.data.records[2]).toMatchObject({
      recordId: R3.recordId,
      status: 'error',
    });
  });

  it('an answer to an answered submission changes nothing; it is never sent again', () => {
    const answeredOnce = [...sentOnce, ...decide(sentOnce, answer([line(R1), line(R2), line(R3)]))];
    submissions(answeredOnce)
      .when(answer([line(R1)]))
      .thenNothingHappens();
    submissions(answeredOnce).when(sent('sub-1', T2)).thenRefuses(Refusal.alreadyAnswered);
    submissions(answeredOnce).when(failure()).thenRefuses(Refusal.alreadyAnswered);
  });

  it('refuses an answer or a failure of a submission never sent, or unknown', () => {
    submissions(prepared).when(answer([])).thenRefuses(Refusal.notSent);
    submissions(prepared).when(failure()).thenRefuses(Refusal.notSent);
    submissions([]).when(sent('nope')).thenRefuses(Refusal.notFound);
  });

  it('a failure schedules the same submission again, the wait doubling per attempt', () => {
    submissions(sentOnce)
      .when(failure())
      .then([
        {
          type: 'VerifactuSubmissionFailed',
          data: {
            submissionId: 'sub-1',
            attempt: 1,
            error: 'no answer within 30000 ms',
            failedAt: T1,
            nextAttemptAt: '2026-03-01T10:01:05.000Z',
          },
        },
      ]);
    const failedOnce = [...sentOnce, ...decide(sentOnce, failure())];
    submissions(failedOnce).when(sent('sub-1', T1)).thenRefuses(Refusal.tooSoon);
    const sentTwice = [...failedOnce, ...decide(failedOnce, sent('sub-1', T2))];
    expect(sentTwice[sentTwice.length - 1]).toMatchObject({ data: { attempt: 2 } });
    const [second] = decide(sentTwice, failure(T2));
    expect(second).toMatchObject({
      data: { attempt: 2, nextAttemptAt: '2026-03-01T10:04:00.000Z' },
    });
  });

  it('waits at most an hour between attempts', () => {
    let past = sentOnce;
    let at = Date.parse(T0);
    for (let attempt = 1; attempt <= 12; attempt++) {
      past = [...past, ...decide(past, failure(new Date(at).toISOString()))];
      at += 2 * 60 * 60 * 1000;
      past = [...past, ...decide(past, sent('sub-1', new Date(at).toISOString()))];
    }
    const [last] = decide(past, failure(new Date(at).toISOString()));
    expect(
      last.type === 'VerifactuSubmissionFailed' && Date.parse(last.data.nextAttemptAt) - at,
    ).toBe(60 * 60 * 1000);
  });

  it('after an answer: AEAT’s wait, then only records not in a live submission', () => {
    const answeredOnce = [
      ...sentOnce,
      ...decide(
        sentOnce,
        answer(
          [line(R1), line(R2, { state: 'Incorrecto', errorCode: 1100 }), line(R3)],
          'ParcialmenteCorrecto',
        ),
      ),
    ];
    submissions(answeredOnce)
      .when(prepare([record(4)], 'sub-2', T1))
      .thenRefuses(Refusal.tooSoon);
    submissions(answeredOnce)
      .when(prepare([R2, record(4)], 'sub-2', T2))
      .thenRefuses(Refusal.recordAlreadySubmitted, { details: [{ target: R2.recordId }] });
    expect(decide(answeredOnce, prepare([record(4)], 'sub-2', T2))).toHaveLength(1);
  });

  it('a Fault refuses the whole submission: its records in error, free for a new one after the backoff', () => {
    const fault: VerifactuSubmissionCommand = {
      type: 'RecordVerifactuSubmissionAnswer',
      data: {
        submissionId: 'sub-1',
        answer: { kind: 'fault', code: 'env:Client', message: 'Codigo[4102]' },
        faultBackoffMs: 300_000,
      },
      metadata: { at: T1 },
    };
    const [event] = decide(sentOnce, fault);
    expect(event).toMatchObject({
      type: 'VerifactuSubmissionAnswered',
      data: {
        outcome: 'Fault',
        fault: { code: 'env:Client', message: 'Codigo[4102]' },
        nextSubmissionAt: '2026-03-01T10:05:05.000Z',
      },
    });
    expect(
      event.type === 'VerifactuSubmissionAnswered' &&
        event.data.records.every((r) => r.status === 'error'),
    ).toBe(true);
    const faulted = [...sentOnce, event];
    submissions(faulted)
      .when(prepare([R1, R2, R3], 'sub-2', T2))
      .thenRefuses(Refusal.tooSoon);
    expect(
      decide(faulted, prepare([R1, R2, R3], 'sub-2', '2026-03-01T10:06:00.000Z')),
    ).toHaveLength(1);
  });
});
