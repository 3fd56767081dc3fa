import { issuerDecider } from '@app/domain';
import { editIssuer, issuerRegistered } from '@app/domain/issuer/testing/issuer.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolveIssuerRow, isRecordedIssuerEvent, RecordedIssuerEvent } from './issuer.evolve';

const edited = issuerDecider.decide(
  editIssuer({ legalName: 'Fibra Norte SLU', series: ['F2026', 'G2026'] }),
  issuerDecider.evolve(issuerDecider.initialState, issuerRegistered),
)[0];
const log = recordedStream('issuer-iss-1', [issuerRegistered, edited]) as RecordedIssuerEvent[];

describe('the issuers row (rule 21)', () => {
  it('is the registered issuer at version 1', () => {
    expect(foldRow(evolveIssuerRow, log.slice(0, 1))).toEqual({
      id: 'iss-1',
      legalName: 'Fibra Norte SL',
      nif: 'B12345674',
      address: issuerRegistered.data.address,
      creditorId: 'ES11ZZZB12345674',
      creditorIban: 'ES9121000418450200051332',
      creditorBic: 'CAIXESBBXXX',
      returnedDebitFeeCents: 300,
      dunningPolicy: 'reminder:5,suspend:20',
      series: ['F2026', 'W2026'],
      version: 1,
      registeredAt: issuerRegistered.data.registeredAt,
      updatedAt: issuerRegistered.data.registeredAt,
    });
  });

  it('takes each edit’s after values, its version and when', () => {
    expect(foldRow(evolveIssuerRow, log)).toMatchObject({
      legalName: 'Fibra Norte SLU',
      series: ['F2026', 'G2026'],
      nif: 'B12345674',
      version: 2,
      updatedAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('ignores an edit without its registration, and events of other streams', () => {
    expect(evolveIssuerRow(null, log[1])).toBeNull();
    expect(isRecordedIssuerEvent({ ...log[0], type: 'IssuerValueClaimed' })).toBe(false);
  });
});
