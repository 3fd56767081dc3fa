import {
  filledFormDecider,
  filledFormStream,
  formDecider,
  formStream,
  personalDataErasureBlockers,
} from '@app/domain';
import {
  defineForm,
  editAnswers,
  fillForm,
  FORM_ID,
  formAfter,
  formDefined,
  publishVersion,
  versionPublished,
} from '@app/domain/form/testing/form.fixtures';
import { allReadModelProjections } from '../contracts';
import { customerErasureFactsFromReadModels } from '../contracts/customer-erasure-facts';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { customerFilledForms } from './form.queries';
import { formsProjection } from './forms.projection';

describe(`The forms projection on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('forms_projection', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const rows = () => log.dataSource.query('SELECT * FROM filled_forms ORDER BY id');
  const fill = (filledFormId: string, customerId: string, data: object = {}) =>
    log.decideOn(
      filledFormDecider,
      filledFormStream(filledFormId),
      fillForm({ filledFormId, customerId, ...data }) as never,
    );

  /** Ana's v1 answers given, the form moved to v2, Ana erased, then Bob's v2 fill; Bob kept. */
  async function anaErasedAfterHerFill(): Promise<{ ana: string; bob: string }> {
    const ana = await log.register(1, { name: 'Ana Formulario' });
    const bob = await log.register(2, { name: 'Bob Kept' });
    await log.decideOn(formDecider, formStream(FORM_ID), defineForm() as never);
    await fill('f-ana', ana, { answers: { router_on: true, lights: 'Rojo', notes: 'Clave 4321' } });
    await log.decideOn(
      filledFormDecider,
      filledFormStream('f-ana'),
      editAnswers({ notes: 'Clave 9876' }, { filledFormId: 'f-ana', customerId: ana }) as never,
    );
    await log.decideOn(formDecider, formStream(FORM_ID), publishVersion() as never);
    await log.project(allReadModelProjections());
    const facts = await customerErasureFactsFromReadModels(log.dataSource, ana);
    const blockers = personalDataErasureBlockers(facts);
    await log.run('EraseCustomerPersonalData', { customerId: ana, blockers });
    await fill('f-bob', bob, {
      form: formAfter(formDefined, versionPublished),
      answers: { router_on: false, lights: 'Fija', visit_day: '2026-03-05' },
    });
    return { ana, bob };
  }

  it('empties the erased customer’s answers, keeps the others, and ends the same whatever the batches', async () => {
    const { ana, bob } = await anaErasedAfterHerFill();
    const reset = async () => {
      await log.dataSource.query('TRUNCATE forms, filled_forms');
      await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'forms'");
    };
    await reset();
    await log.project([formsProjection()], 1);
    const oneByOne = await rows();
    expect(oneByOne).toEqual([
      expect.objectContaining({
        id: 'f-ana',
        customer_id: ana,
        answers: {},
        erased: true,
        version: 2,
      }),
      expect.objectContaining({
        id: 'f-bob',
        customer_id: bob,
        form_version: 2,
        answers: { router_on: false, lights: 'Fija', visit_day: '2026-03-05' },
        erased: false,
      }),
    ]);
    expect(JSON.stringify(oneByOne)).not.toMatch(/Clave|Rojo/);

    await reset();
    await log.project([formsProjection()], 500);
    expect(await rows()).toEqual(oneByOne);

    await reset();
    await log.rebuild([formsProjection()]);
    expect(await rows()).toEqual(oneByOne);
  });

  it('erases rows projected live before the erasure, and a batch applied again changes nothing', async () => {
    const { ana } = await anaErasedAfterHerFill();
    await log.project([formsProjection()]);
    const once = await rows();
    expect(once[0]).toMatchObject({ id: 'f-ana', answers: {}, erased: true });
    await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'forms'");
    await log.project([formsProjection()]);
    expect(await rows()).toEqual(once);
    const tab = await customerFilledForms(log.dataSource, ana);
    expect(tab.items[0]).toMatchObject({ formVersion: 1, erased: true });
    expect(tab.items[0].answers.map((answer) => [answer.label, answer.value])).toEqual([
      ['¿Router encendido?', null],
      ['Luces del router', null],
      ['Equipos conectados', null],
      ['Día preferido', null],
      ['Estancias sin señal', null],
      ['Notas', null],
    ]);
  });
});
