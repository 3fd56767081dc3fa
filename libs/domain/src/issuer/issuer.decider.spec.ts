import { given } from '../shared/testing/decider-specification';
import { issuerDecider } from './issuer.decider';
import { isSepaCreditorId, sepaCreditorCheckDigits } from './issuer.profile';
import { editIssuer, issuerRegistered, registerIssuer } from './testing/issuer.fixtures';

const issuer = given(issuerDecider);

describe('Issuers (rule 21)', () => {
  describe('registering', () => {
    it('records the issuer with its checked NIF, address, creditor data, fee, policy and series', () => {
      issuer([]).when(registerIssuer()).then([issuerRegistered]);
    });

    it('normalises what is written loosely and takes the defaults of what is left out', () => {
      const [event] = issuerDecider.decide(
        registerIssuer({
          nif: 'b-12.345.674',
          creditorId: 'es11 zzz b12345674',
          creditorIban: null,
          creditorBic: undefined,
          returnedDebitFeeCents: undefined,
          dunningPolicy: undefined,
          series: [' F2026', 'F2026'],
        }),
        issuerDecider.initialState,
      );
      expect(event.data).toMatchObject({
        nif: 'B12345674',
        creditorId: 'ES11ZZZB12345674',
        creditorIban: null,
        creditorBic: null,
        returnedDebitFeeCents: 0,
        dunningPolicy: 'reminder:7,warning:15,suspend:30,cancel:90',
        series: ['F2026'],
      });
    });

    it('takes a self-employed issuer by DNI or NIE', () => {
      issuer([])
        .when(registerIssuer({ nif: '12345678Z' }))
        .then([
          expect.objectContaining({ data: expect.objectContaining({ nif: '12345678Z' }) }),
        ] as never);
      issuer([])
        .when(registerIssuer({ nif: 'X1234567L' }))
        .then([
          expect.objectContaining({ data: expect.objectContaining({ nif: 'X1234567L' }) }),
        ] as never);
    });

    it('refuses a NIF that does not check out, naming the field', () => {
      for (const nif of ['B12345675', '12345678A', 'X1234567A', '', 'nonsense'])
        issuer([])
          .when(registerIssuer({ nif }))
          .thenRefuses('R21.INVALID_INPUT', { details: [{ field: 'nif' }] });
    });

    it('refuses every bad field at once, each named', () => {
      issuer([])
        .when(
          registerIssuer({
            legalName: '  ',
            address: { street: 'Calle Mayor 1' },
            creditorId: 'ES12ZZZB12345674',
            creditorIban: 'ES0000000000000000000000',
            creditorBic: 'NOPE',
            returnedDebitFeeCents: 1e12,
            dunningPolicy: 'cancel:5,reminder:10',
            series: ['F 2026', 'X'.repeat(21)],
          }),
        )
        .thenRefuses('R21.INVALID_INPUT', {
          details: [
            { field: 'legalName' },
            { field: 'address.postalCode' },
            { field: 'address.city' },
            { field: 'creditorId' },
            { field: 'creditorIban' },
            { field: 'creditorBic' },
            { field: 'returnedDebitFeeCents' },
            { field: 'dunningPolicy' },
            { field: 'series[0]' },
            { field: 'series[1]' },
          ],
        });
    });

    it('refuses an id already registered', () => {
      issuer([issuerRegistered]).when(registerIssuer()).thenRefuses('R21.ISSUER_ID_TAKEN');
    });
  });

  describe('editing', () => {
    it('records each changed field with its before and after', () => {
      issuer([issuerRegistered])
        .when(
          editIssuer({
            legalName: 'Fibra Norte SLU',
            address: { city: 'Getafe' },
            series: ['F2026'],
          }),
        )
        .then([
          {
            type: 'IssuerEdited',
            data: {
              issuerId: 'iss-1',
              changes: [
                { field: 'legalName', before: 'Fibra Norte SL', after: 'Fibra Norte SLU' },
                {
                  field: 'address',
                  before: issuerRegistered.data.address,
                  after: { ...issuerRegistered.data.address, city: 'Getafe' },
                },
                { field: 'series', before: ['F2026', 'W2026'], after: ['F2026'] },
              ],
              editedAt: '2026-03-02T10:00:00.000Z',
            },
          },
        ]);
    });

    it('leaves the fields left out as they were, an address field given as undefined included', () => {
      issuer([issuerRegistered])
        .when(editIssuer({ address: { street: undefined, city: 'Getafe' }, legalName: undefined }))
        .then([
          expect.objectContaining({
            data: expect.objectContaining({
              changes: [
                {
                  field: 'address',
                  before: issuerRegistered.data.address,
                  after: { ...issuerRegistered.data.address, city: 'Getafe' },
                },
              ],
            }),
          }),
        ] as never);
    });

    it('folds the edit into the state', () => {
      const [edited] = issuerDecider.decide(
        editIssuer({ returnedDebitFeeCents: 500 }),
        issuer([issuerRegistered]).state(),
      );
      const state = issuer([issuerRegistered, edited]).state();
      expect(state).toMatchObject({
        status: 'registered',
        profile: { returnedDebitFeeCents: 500 },
      });
    });

    it('changes nothing when nothing differs, the same NIF written otherwise included', () => {
      issuer([issuerRegistered])
        .when(editIssuer({ legalName: 'Fibra Norte SL', nif: 'b12345674' }))
        .thenNothingHappens();
    });

    it('refuses another NIF: another legal entity, another VERI*FACTU chain', () => {
      issuer([issuerRegistered])
        .when(editIssuer({ nif: 'A58818501' }))
        .thenRefuses('R21.NIF_IMMUTABLE', {
          message: /another legal entity/,
          details: [{ field: 'nif' }],
        });
    });

    it('refuses bad values as registering does, and an unknown issuer as not found', () => {
      issuer([issuerRegistered])
        .when(editIssuer({ creditorId: 'ES00ZZZB12345674' }))
        .thenRefuses('R21.INVALID_INPUT', { details: [{ field: 'creditorId' }] });
      issuer([])
        .when(editIssuer({ legalName: 'X' }))
        .thenRefuses('R21.ISSUER_NOT_FOUND');
    });
  });

  describe('SEPA creditor identifiers', () => {
    it('checks the mod 97 digits over the national id, ignoring the business code', () => {
      expect(isSepaCreditorId('ES11ZZZB12345674')).toBe(true);
      expect(isSepaCreditorId('ES11ABCB12345674')).toBe(true);
      expect(isSepaCreditorId('DE98ZZZ09999999999')).toBe(true);
      expect(isSepaCreditorId('ES12ZZZB12345674')).toBe(false);
      expect(isSepaCreditorId('ES11ZZZ')).toBe(false);
      expect(sepaCreditorCheckDigits('ES', 'B12345674')).toBe('11');
    });
  });
});
