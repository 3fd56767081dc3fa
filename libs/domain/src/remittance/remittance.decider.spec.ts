import { given } from '../shared/testing/decider-specification';
import { RemittanceCandidate, CreateRemittance } from './remittance.commands';
import { remittanceDecider } from './remittance.decider';
import { RemittanceCreated } from './remittance.events';
import { effectIdOfEndToEndId, endToEndIdOf } from './remittance.stream';

const NOW = '2026-03-01T10:00:00.000Z';
const CREDITOR = {
  name: 'Fibra Norte SL',
  iban: 'ES9121000418450200051332',
  bic: null,
  creditorId: 'ES59ZZZB76365789',
};
const EFFECT_1 = '0f4c2a9e-1b6d-4c1e-9f7a-2d3b4c5d6e7f';
const EFFECT_2 = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

const candidate = (overrides: Partial<RemittanceCandidate> = {}): RemittanceCandidate => ({
  invoiceId: 'inv-1',
  invoiceNumber: 'A-000001',
  effectId: EFFECT_1,
  customerId: 'cus-1',
  contractId: 'con-1',
  amountCents: 3630,
  dueDate: '2026-03-05',
  remittable: true,
  mandate: {
    reference: 'MNDT-0001',
    signedOn: '2026-01-10',
    iban: 'ES7921000813610123456789',
    debtorName: 'Ana Muñoz',
  },
  ...overrides,
});

const create = (
  candidates: RemittanceCandidate[],
  data: Partial<CreateRemittance['data']> = {},
): CreateRemittance => ({
  type: 'CreateRemittance',
  data: {
    remittanceId: 'rem-1',
    issuerId: 'default',
    collectionDate: '2026-03-10',
    creditor: CREDITOR,
    candidates,
    ...data,
  },
  metadata: { at: NOW },
});

const ledger = given(remittanceDecider);
const created = (events: unknown[]) => (events as RemittanceCreated[])[0].data;

describe('Remittances (rule 18)', () => {
  it('puts the effects due in one remittance, FRST on a mandate first collected, traceable to the effect', () => {
    const events = remittanceDecider.decide(create([candidate()]), remittanceDecider.initialState);
    expect(events).toHaveLength(1);
    const data = created(events);
    expect(data).toMatchObject({
      remittanceId: 'rem-1',
      collectionDate: '2026-03-10',
      dueUntil: '2026-03-10',
      painVersion: '001.08',
      totalCents: 3630,
      excluded: [],
    });
    expect(data.transactions).toEqual([
      expect.objectContaining({
        effectId: EFFECT_1,
        endToEndId: EFFECT_1.replace(/-/g, ''),
        mandateReference: 'MNDT-0001',
        mandateSignedOn: '2026-01-10',
        sequenceType: 'FRST',
        debtorIban: 'ES7921000813610123456789',
      }),
    ]);
    expect(effectIdOfEndToEndId(data.transactions[0].endToEndId)).toBe(EFFECT_1);
    expect(data.messageId.length).toBeLessThanOrEqual(35);
  });

  it('collects a mandate already collected as RCUR', () => {
    const first = remittanceDecider.decide(create([candidate()]), remittanceDecider.initialState);
    const next = create([candidate({ effectId: EFFECT_2, invoiceId: 'inv-2' })], {
      remittanceId: 'rem-2',
    });
    ledger(first)
      .when(next)
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            transactions: [expect.objectContaining({ sequenceType: 'RCUR' })],
          }),
        }),
      ] as unknown as RemittanceCreated[]);
  });

  it('a new mandate reference on the same contract is a new mandate: FRST again', () => {
    const first = remittanceDecider.decide(create([candidate()]), remittanceDecider.initialState);
    const state = ledger(first).state();
    const next = create(
      [
        candidate({
          effectId: EFFECT_2,
          mandate: { ...candidate().mandate!, reference: 'MNDT-0002' },
        }),
      ],
      { remittanceId: 'rem-2' },
    );
    expect(created(remittanceDecider.decide(next, state)).transactions[0].sequenceType).toBe(
      'FRST',
    );
  });

  it('leaves out, with the reason, effects not due yet, without a mandate, IBAN or signature, invalidated, or no longer pending', () => {
    const candidates = [
      candidate(),
      candidate({ effectId: 'late', dueDate: '2026-03-11' }),
      candidate({ effectId: 'unsigned', mandate: null }),
      candidate({ effectId: 'no-ref', mandate: { ...candidate().mandate!, reference: null } }),
      candidate({ effectId: 'no-iban', mandate: { ...candidate().mandate!, iban: null } }),
      candidate({ effectId: 'returned', mandateInvalidated: 'AC04 account closed' }),
      candidate({ effectId: 'paid', remittable: false }),
    ];
    const data = created(
      remittanceDecider.decide(create(candidates), remittanceDecider.initialState),
    );
    expect(data.transactions.map((t) => t.effectId)).toEqual([EFFECT_1]);
    expect(data.excluded.map((e) => [e.effectId, e.code])).toEqual([
      ['unsigned', 'MANDATE.CONTRACT_NOT_SIGNED'],
      ['no-ref', 'MANDATE.MISSING'],
      ['no-iban', 'MANDATE.NO_IBAN'],
      ['returned', 'MANDATE.INVALIDATED'],
      ['paid', 'EFFECT.NO_LONGER_PENDING'],
    ]);
    expect(data.excluded[3].reason).toMatch(/AC04 account closed/);
  });

  it('takes effects due up to dueUntil when given', () => {
    const late = candidate({ effectId: EFFECT_2, dueDate: '2026-03-20' });
    const data = created(
      remittanceDecider.decide(
        create([candidate(), late], { dueUntil: '2026-03-31' }),
        remittanceDecider.initialState,
      ),
    );
    expect(data.transactions).toHaveLength(2);
    expect(data.totalCents).toBe(7260);
  });

  it('refuses a remittance with nothing to remit, listing why each effect stayed out', () => {
    ledger([])
      .when(create([]))
      .thenRefuses('REMITTANCE.NOTHING_TO_REMIT', { message: /nothing to remit/ });
    ledger([])
      .when(create([candidate({ mandate: null })]))
      .thenRefuses('REMITTANCE.NOTHING_TO_REMIT', {
        details: [
          { code: 'REMITTANCE.NOTHING_TO_REMIT' },
          { code: 'MANDATE.CONTRACT_NOT_SIGNED', target: EFFECT_1 },
        ],
      });
  });

  it('refuses bad dates, an unknown version, a missing creditor and a repeated id', () => {
    ledger([])
      .when(create([candidate()], { collectionDate: '2026-02-30' }))
      .thenRefuses('REMITTANCE.INVALID_INPUT', {
        details: [{ field: 'collectionDate' }],
      });
    ledger([])
      .when(create([candidate()], { collectionDate: '2026-02-28' }))
      .thenRefuses('REMITTANCE.INVALID_INPUT', {
        message: /has passed/,
      });
    ledger([])
      .when(create([candidate()], { painVersion: '001.99' as '001.08' }))
      .thenRefuses('REMITTANCE.INVALID_INPUT', { details: [{ field: 'painVersion' }] });
    ledger([])
      .when(create([candidate()], { creditor: null }))
      .thenRefuses('REMITTANCE.CREDITOR_NOT_CONFIGURED');
    const first = remittanceDecider.decide(create([candidate()]), remittanceDecider.initialState);
    ledger(first)
      .when(create([candidate({ effectId: EFFECT_2 })]))
      .thenRefuses('REMITTANCE.ALREADY_CREATED');
  });

  it('end-to-end ids map both ways, and anything else maps to no effect', () => {
    expect(endToEndIdOf(EFFECT_1)).toHaveLength(32);
    expect(effectIdOfEndToEndId(endToEndIdOf(EFFECT_1))).toBe(EFFECT_1);
    expect(effectIdOfEndToEndId('NOTPROVIDED')).toBeNull();
  });

  describe("a pain.002 reject of a mandate's first collection", () => {
    const reject = (effectId: string, remittanceId = 'rem-1') => ({
      type: 'RecordRejectedCollection' as const,
      data: { issuerId: 'default', remittanceId, effectId, reasonCode: 'AM04' },
      metadata: { at: NOW },
    });
    const first = remittanceDecider.decide(create([candidate()]), remittanceDecider.initialState);

    it('makes the mandate FRST again, once', () => {
      const [rejected] = remittanceDecider.decide(reject(EFFECT_1), ledger(first).state());
      expect(rejected).toEqual({
        type: 'FirstCollectionRejected',
        data: {
          issuerId: 'default',
          remittanceId: 'rem-1',
          effectId: EFFECT_1,
          contractId: 'con-1',
          mandateReference: 'MNDT-0001',
          reasonCode: 'AM04',
          rejectedAt: NOW,
        },
      });
      const state = ledger([...first, rejected]).state();
      const next = create([candidate({ effectId: EFFECT_2 })], { remittanceId: 'rem-2' });
      expect(created(remittanceDecider.decide(next, state)).transactions[0].sequenceType).toBe(
        'FRST',
      );
      ledger([...first, rejected])
        .when(reject(EFFECT_1))
        .then([]);
    });

    it('changes nothing for a recurring collection, another remittance or an unknown effect', () => {
      const second = remittanceDecider.decide(
        create([candidate({ effectId: EFFECT_2 })], { remittanceId: 'rem-2' }),
        ledger(first).state(),
      );
      ledger([...first, ...second])
        .when(reject(EFFECT_2, 'rem-2'))
        .then([]);
      ledger(first).when(reject(EFFECT_1, 'rem-9')).then([]);
      ledger(first).when(reject('unknown')).then([]);
    });
  });
});
