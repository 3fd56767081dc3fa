import type { FormAnswerValue, FormFieldDefinition, FormFieldType, FormVersion } from '@app/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { FilledFormRow, FormRow } from './form.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;

/** A form as `GET /forms` and `GET /forms/:id` show it: the current version's questions. */
export interface FormView {
  id: string;
  name: string;
  description: string | null;
  status: 'active' | 'retired';
  currentVersion: number;
  fields: FormFieldDefinition[];
  versions: { version: number; name: string; publishedAt: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One version of a form, as it was published. */
export interface FormVersionView extends FormVersion {
  formId: string;
  current: boolean;
}

/** One question of a filled form with its answer, labelled as the version filled asked it. */
export interface RenderedAnswer {
  key: string;
  label: string;
  type: FormFieldType;
  /** `null`: not answered (or erased). */
  value: FormAnswerValue | null;
}

export interface FilledFormView {
  id: string;
  customerId: string;
  formId: string;
  formVersion: number;
  formName: string;
  /** The customer's personal data was erased: no answer is shown. */
  erased: boolean;
  answers: RenderedAnswer[];
  version: number;
  filledAt: string;
  updatedAt: string;
}

function formViewOf(row: FormRow): FormView {
  const current = row.versions[row.currentVersion - 1];
  return {
    id: row.id,
    name: row.name,
    description: current.description,
    status: row.status,
    currentVersion: row.currentVersion,
    fields: current.fields,
    versions: row.versions.map(({ version, name, publishedAt }) => ({
      version,
      name,
      publishedAt,
    })),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface FormFilters {
  status?: 'active' | 'retired';
}

/** `GET /forms`: by name, paged. */
export async function listForms(
  source: Source,
  filters: FormFilters = {},
  paging: Paging = {},
): Promise<Page<FormView>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  const query = managerOf(source).getRepository(FormRow).createQueryBuilder('f');
  if (filters.status !== undefined) query.where('f.status = :status', { status: filters.status });
  const [rows, total] = await query
    .orderBy('f.name', 'ASC')
    .addOrderBy('f.id', 'ASC')
    .skip(offset)
    .take(pageSize)
    .getManyAndCount();
  return { items: rows.map(formViewOf), total, page, pageSize };
}

export async function formById(source: Source, formId: string): Promise<FormView | null> {
  const row = await managerOf(source).getRepository(FormRow).findOneBy({ id: formId });
  return row === null ? null : formViewOf(row);
}

/** `GET /forms/:id/versions/:n`, or `null` when the form or that version does not exist. */
export async function formVersionById(
  source: Source,
  formId: string,
  version: number,
): Promise<FormVersionView | null> {
  const row = await managerOf(source).getRepository(FormRow).findOneBy({ id: formId });
  const found = row?.versions[version - 1];
  if (!row || !found) return null;
  return { formId, ...found, current: version === row.currentVersion };
}

function render(row: FilledFormRow, form: FormRow | undefined): FilledFormView {
  const fields = form?.versions[row.formVersion - 1]?.fields ?? [];
  return {
    id: row.id,
    customerId: row.customerId,
    formId: row.formId,
    formVersion: row.formVersion,
    formName: row.formName,
    erased: row.erased,
    answers: fields.map(({ key, label, type }) => ({
      key,
      label,
      type,
      value: Object.hasOwn(row.answers, key) ? row.answers[key] : null,
    })),
    version: row.version,
    filledAt: row.filledAt,
    updatedAt: row.updatedAt,
  };
}

async function rendered(source: Source, rows: FilledFormRow[]): Promise<FilledFormView[]> {
  const formIds = [...new Set(rows.map((row) => row.formId))];
  const forms =
    formIds.length === 0
      ? []
      : await managerOf(source)
          .getRepository(FormRow)
          .findBy({ id: In(formIds) });
  const byId = new Map(forms.map((form) => [form.id, form]));
  return rows.map((row) => render(row, byId.get(row.formId)));
}

/** `GET /customers/:id/forms`: the forms filled for the customer, newest first, paged. */
export async function customerFilledForms(
  source: Source,
  customerId: string,
  filters: { formId?: string } = {},
  paging: Paging = {},
): Promise<Page<FilledFormView>> {
  const { page, pageSize, offset } = normalizePaging(paging);
  const query = managerOf(source)
    .getRepository(FilledFormRow)
    .createQueryBuilder('ff')
    .where('ff.customer_id = :customerId', { customerId });
  if (filters.formId !== undefined) query.andWhere('ff.form_id = :formId', filters);
  const [rows, total] = await query
    .orderBy('ff.filled_position', 'DESC')
    .skip(offset)
    .take(pageSize)
    .getManyAndCount();
  return { items: await rendered(source, rows), total, page, pageSize };
}

/** One filled form of the customer, or `null`. */
export async function filledFormById(
  source: Source,
  customerId: string,
  filledFormId: string,
): Promise<FilledFormView | null> {
  const row = await managerOf(source)
    .getRepository(FilledFormRow)
    .findOneBy({ id: filledFormId, customerId });
  return row === null ? null : (await rendered(source, [row]))[0];
}
