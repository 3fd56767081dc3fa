import { invoiceSeriesStream, invoiceStream, rectifyingSeries } from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { BillingFixtures, recentMonths } from './support/billing-fixtures';
import { recordE2eFigure } from './support/e2e-figures';
import { startTestApp, TEST_DELEGATE_KEY, TestApp } from './support/test-app';

const [PERIOD] = recentMonths(1);
const delegate = { Authorization: `Bearer ${TEST_DELEGATE_KEY}` };

interface Request {
  actor: string;
  correlationId: string;
}

/**
 * The trail names the right person: each racing request's events carry its own actor and
 * correlation id, even where one request finishes another's work (API.md, headers).
 */
describe('the audit trail under racing requests', () => {
  let testApp: TestApp;
  let given: BillingFixtures;
  let store: EventStore;

  beforeAll(async () => {
    testApp = await startTestApp();
    given = new BillingFixtures(testApp);
    store = testApp.app.get(EVENT_STORE);
  });
  afterAll(() => testApp.close());

  it('20 racing credit notes from two actors: every event of each is recorded under its own request', async () => {
    const series = `TR${Date.now().toString(36).slice(-5).toUpperCase()}`;
    const { customerId } = await given.billedContract(series, 30_000);
    const run = await given.post(
      '/billing/runs',
      { period: PERIOD, customerIds: [customerId] },
      201,
    );
    const [{ invoiceId }] = run.body.issued as { invoiceId: string }[];

    const requests: Request[] = Array.from({ length: 20 }, (_, n) => ({
      actor: n % 2 === 0 ? 'ana' : 'luis',
      correlationId: `credit-race-${series}-${n}`,
    }));
    const answers = await Promise.all(
      requests.map((request) =>
        given
          .http()
          .post(`/api/invoices/${invoiceId}/credit-notes`)
          .set({
            ...delegate,
            'X-Actor': request.actor,
            'X-Correlation-Id': request.correlationId,
          })
          .send({ reason: `goodwill ${request.correlationId}`, amountCents: 100 }),
      ),
    );
    const requestOf = new Map(
      answers.map((answer, n) => [answer.body.creditNoteId as string, requests[n]]),
    );
    const notes = (await store.readStream(invoiceStream(invoiceId))).filter((event) =>
      ['CreditNoteDrafted', 'CreditNoteGranted'].includes(event.type),
    );
    const misattributed = notes.filter((event) => {
      const creditNoteId = (event.data as { creditNoteId: string }).creditNoteId;
      return requestOf.has(creditNoteId) && !sameRequest(event, requestOf.get(creditNoteId));
    });
    expect(misattributed.map(described)).toEqual([]);
    // None lost to the race either: all 20 answered, each drafted and granted once.
    expect(answers.filter((answer) => answer.status !== 201).map((answer) => answer.body)).toEqual(
      [],
    );
    expect(notes).toHaveLength(40);

    // Each number of the rectifying series is taken in the name of its own credit note's request.
    const allocations = await store.readStream(invoiceSeriesStream(rectifyingSeries(series)));
    const numbered = allocations.flatMap((event) =>
      (event.data as { assignments: { invoiceId: string }[] }).assignments.map((assignment) => ({
        event,
        request: requestOf.get(assignment.invoiceId),
      })),
    );
    expect(numbered).toHaveLength(20);
    expect(
      numbered
        .filter(({ event, request }) => !sameRequest(event, request))
        .map(({ event }) => described(event)),
    ).toEqual([]);
    const numbers = answers.map((answer) => answer.body.number as string).sort();
    expect(new Set(numbers).size).toBe(20);
    recordE2eFigure(
      'racing-credit-notes-trail',
      'test/actor-trail.e2e-spec.ts',
      "The trail names the right person: each racing request's events carry its own actor and correlation id, even when another request numbers and grants its credit note; X-Actor only from delegate keys (issue 16)",
      `20 racing credit notes on one invoice from 2 actors: ${answers.length} × 201, ${notes.length} CreditNoteDrafted/Granted events and ${numbered.length} number allocations, each under its own request's actor and correlation id; ${new Set(numbers).size} distinct numbers`,
    );
  });

  it('the history tab shows each credit note under its actor, with the key it came through', async () => {
    const series = `TH${Date.now().toString(36).slice(-5).toUpperCase()}`;
    const { customerId } = await given.billedContract(series, 30_000);
    const run = await given.post(
      '/billing/runs',
      { period: PERIOD, customerIds: [customerId] },
      201,
    );
    const [{ invoiceId }] = run.body.issued as { invoiceId: string }[];
    const granted = await given
      .http()
      .post(`/api/invoices/${invoiceId}/credit-notes`)
      .set({ ...delegate, 'X-Actor': 'marta', 'X-Correlation-Id': `history-${series}` })
      .send({ reason: 'goodwill', amountCents: 100 })
      .expect(201);
    given.track(granted);

    const history = await given
      .http()
      .get(`/api/customers/${customerId}/history`)
      .set(given.readAfterWrites())
      .expect(200);
    const line = history.body.items.find(
      (item: { eventType: string }) => item.eventType === 'CreditNoteGranted',
    );
    expect(line).toMatchObject({
      actor: 'marta',
      via: expect.stringMatching(/^operator:[0-9a-f]{8}$/),
      correlationId: `history-${series}`,
    });
  });
});

function sameRequest(event: RecordedEvent, request: Request | undefined): boolean {
  return (
    request !== undefined &&
    event.metadata.actor === request.actor &&
    event.metadata.correlationId === request.correlationId
  );
}

const described = (event: RecordedEvent) =>
  `${event.type} at ${event.position} by ${event.metadata.actor} (${event.metadata.correlationId})`;
