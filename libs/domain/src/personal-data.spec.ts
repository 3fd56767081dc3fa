import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_EVENT_TYPES } from './contract';
import { CUSTOMER_EVENT_TYPES } from './customer';
import { DUNNING_EVENT_TYPES } from './dunning';
import { INVOICE_EVENT_TYPES, INVOICE_SERIES_EVENT_TYPES } from './invoice';
import { PERSONAL_DATA, personalDataPolicy } from './personal-data';
import { sealsPersonalData } from './shared/personal-data';
import { SUBSCRIPTION_EVENT_TYPES } from './subscription';
import { REMITTANCE_EVENT_TYPES } from './remittance';
import { ISSUER_EVENT_TYPES, ISSUER_VALUE_EVENT_TYPES } from './issuer';
import { VERIFACTU_CHAIN_EVENT_TYPES, VERIFACTU_SUBMISSION_EVENT_TYPES } from './verifactu';
import { TICKET_EVENT_TYPES } from './ticket';
import { ESTIMATE_EVENT_TYPES } from './estimate';
import { ATTACHMENT_EVENT_TYPES } from './attachment';
import { TASK_EVENT_TYPES } from './task';
import { FILLED_FORM_EVENT_TYPES, FORM_EVENT_TYPES } from './form';
import { SEND_EVENT_TYPES } from './send';
import { BULK_OPERATION_EVENT_TYPES } from './bulk-operation';
import { CUSTOMER_IMPORT_EVENT_TYPES } from './customer-import';
import { CATALOG_EVENT_TYPES, CATALOG_NAME_EVENT_TYPES } from './catalog';
import { RENEWABLE_EVENT_TYPES } from './renewable';

/** Every `DomainEvent<'Type', …>` declared in an `*.events.ts` file of the domain. */
function eventTypesDeclaredInSource(dir = __dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'testing' ? [] : eventTypesDeclaredInSource(path);
    if (!entry.name.endsWith('.events.ts')) return [];
    const source = readFileSync(path, 'utf8');
    return [...source.matchAll(/DomainEvent<\s*'(\w+)'/g)].map((match) => match[1]);
  });
}

const declared = Object.keys(PERSONAL_DATA);

describe('the personal-data map', () => {
  it('has an entry for every event type of every aggregate, and nothing else', () => {
    const unions = [
      ...CUSTOMER_EVENT_TYPES,
      'UniqueValueClaimed',
      'UniqueValueReleased',
      ...CONTRACT_EVENT_TYPES,
      ...SUBSCRIPTION_EVENT_TYPES,
      ...INVOICE_EVENT_TYPES,
      ...INVOICE_SERIES_EVENT_TYPES,
      ...REMITTANCE_EVENT_TYPES,
      ...DUNNING_EVENT_TYPES,
      ...VERIFACTU_CHAIN_EVENT_TYPES,
      ...ISSUER_EVENT_TYPES,
      ...ISSUER_VALUE_EVENT_TYPES,
      ...VERIFACTU_SUBMISSION_EVENT_TYPES,
      ...TICKET_EVENT_TYPES,
      ...ESTIMATE_EVENT_TYPES,
      ...ATTACHMENT_EVENT_TYPES,
      ...TASK_EVENT_TYPES,
      ...FORM_EVENT_TYPES,
      ...FILLED_FORM_EVENT_TYPES,
      ...SEND_EVENT_TYPES,
      ...BULK_OPERATION_EVENT_TYPES,
      ...CUSTOMER_IMPORT_EVENT_TYPES,
      ...CATALOG_EVENT_TYPES,
      ...CATALOG_NAME_EVENT_TYPES,
      ...RENEWABLE_EVENT_TYPES,
    ];
    expect([...declared].sort()).toEqual([...unions].sort());
  });

  it('covers every event type declared in an events file, so a new aggregate cannot be left out', () => {
    const inSource = eventTypesDeclaredInSource();
    expect(inSource.length).toBeGreaterThanOrEqual(declared.length);
    expect(inSource.filter((type) => !declared.includes(type))).toEqual([]);
  });

  it('gives the store the sealing rules of exactly the event types with fields to seal', () => {
    const sealing = declared.filter((type) =>
      sealsPersonalData(PERSONAL_DATA[type as keyof typeof PERSONAL_DATA]),
    );
    expect(Object.keys(personalDataPolicy.events).sort()).toEqual(sealing.sort());
    expect(sealing).toEqual(
      expect.arrayContaining(['CustomerRegistered', 'CustomerBillingSettingsChanged']),
    );
    expect(personalDataPolicy.events.CustomerRegistered.paths).toMatchObject({
      name: '[erased]',
      email: null,
    });
    expect(personalDataPolicy.declaredEventTypes).toEqual(declared);
  });

  it('says why every personal field kept in clear is kept', () => {
    for (const fields of Object.values(PERSONAL_DATA)) {
      if (!('keptInClear' in fields) || !fields.keptInClear) continue;
      expect(fields.keptInClear.paths.length).toBeGreaterThan(0);
      expect(fields.keptInClear.because.length).toBeGreaterThan(20);
    }
  });
});
