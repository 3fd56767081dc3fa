import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { isInstant } from '../../shared/calendar-values';
import { BankFileError } from './bank-file-error';

/**
 * The largest bank file accepted, in characters: 20 MiB. A camt.054 transaction detail with a
 * return takes 1–2 KB, so this holds over ten thousand returns — far more than one collection
 * date brings back — while a runaway or hostile upload is refused before any parsing.
 */
export const MAX_BANK_FILE_CHARACTERS = 20 * 1024 * 1024;

/** One element as the parser leaves it: child elements by name, attributes as `@_name`. */
export type XmlElement = { readonly [name: string]: unknown };

// Elements ISO 20022 allows more than once where we read them. Listing them makes the parser
// give an array even when a file holds just one, so one entry and many read the same way.
const REPEATABLE = new Set([
  'Ntfctn',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'OrgnlPmtInfAndSts',
  'TxInfAndSts',
  'StsRsnInf',
]);

export const BANK_FILE_PARSER_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  // Ids such as "000123" must stay text, and amounts are read digit by digit (amount-cents.ts).
  parseTagValue: false,
  parseAttributeValue: false,
  // No entity is ever expanded (no billion laughs, no external entities); DOCTYPE is refused
  // before parsing, and the five predefined entities are decoded by `decodeXmlText`.
  processEntities: false,
  htmlEntities: false,
  // Prefixes are dropped from element names (`ns2:Ntry` → `Ntry`) but the `xmlns` attributes
  // are kept, so the message's namespace can still be checked; `removeNSPrefix` would drop them.
  transformTagName: (name) => name.slice(name.indexOf(':') + 1),
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
};

const parser = new XMLParser(BANK_FILE_PARSER_OPTIONS);

/** Size, DOCTYPE and well-formedness checks, then the parsed tree. */
export function parseXmlSafely(xml: string): XmlElement {
  if (typeof xml !== 'string') {
    throw new BankFileError('not-xml', 'The bank file must be given as text.');
  }
  if (xml.length > MAX_BANK_FILE_CHARACTERS) {
    throw new BankFileError(
      'too-large',
      `The bank file has ${xml.length} characters; at most ${MAX_BANK_FILE_CHARACTERS} (20 MiB) are accepted.`,
    );
  }
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new BankFileError('not-xml', 'The bank file is empty.');
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new BankFileError(
      'doctype-not-allowed',
      'The bank file declares a DOCTYPE or entities; bank files never do, and they are refused so nothing can be expanded or fetched.',
    );
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new BankFileError(
      'not-xml',
      `The bank file is not well-formed XML (line ${line}${col === undefined ? '' : `, column ${col}`}): ${msg}`,
    );
  }
  const tree: unknown = parser.parse(text);
  if (!isElement(tree)) throw new BankFileError('not-xml', 'The bank file holds no XML element.');
  return tree;
}

export function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(parent: XmlElement | undefined, name: string): unknown {
  return parent !== undefined && Object.hasOwn(parent, name) ? parent[name] : undefined;
}

/** The one child element `name`; an empty element (`<Rsn/>`) reads as an element without children. */
export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  const value = ownValue(parent, name);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    throw new BankFileError('invalid-content', `The element ${name} appears more than once.`);
  }
  if (isElement(value)) return value;
  return value === '' ? {} : undefined;
}

/** Every child element `name`, none, one or many. */
export function children(parent: XmlElement | undefined, name: string): XmlElement[] {
  const value = ownValue(parent, name);
  if (value === undefined) return [];
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.map((item) => (isElement(item) ? item : {}));
}

/** The text of the child element `name`, trimmed and decoded; undefined when absent or empty. */
export function textOf(parent: XmlElement | undefined, name: string): string | undefined {
  const value = ownValue(parent, name);
  if (Array.isArray(value)) {
    throw new BankFileError('invalid-content', `The element ${name} appears more than once.`);
  }
  const raw = isElement(value) ? ownValue(value, '#text') : value;
  if (typeof raw !== 'string') return undefined;
  const decoded = decodeXmlText(raw).trim();
  return decoded === '' ? undefined : decoded;
}

export function attributeOf(element: XmlElement | undefined, name: string): string | undefined {
  const value = ownValue(element, `@_${name}`);
  return typeof value === 'string' ? decodeXmlText(value).trim() : undefined;
}

/** The `xmlns` and `xmlns:prefix` values declared on an element. */
export function namespacesOf(element: XmlElement): string[] {
  return Object.keys(element)
    .filter((key) => key === '@_xmlns' || key.startsWith('@_xmlns:'))
    .map((key) => attributeOf(element, key.slice(2)))
    .filter((value): value is string => value !== undefined);
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** The five entities every XML parser knows and character references; nothing declared. */
export function decodeXmlText(raw: string): string {
  return raw.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (entity, name) => {
    const key = String(name);
    if (!key.startsWith('#')) return PREDEFINED[key];
    const codePoint = key.startsWith('#x')
      ? parseInt(key.slice(2), 16)
      : parseInt(key.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : String(entity);
  });
}

/**
 * `YYYY-MM-DD` from an ISO date or date-time as the bank wrote it: the day is the bank's own
 * calendar day, so a time zone offset is not applied. Absent → undefined; present but not a
 * real date → refused, rather than silently falling back to another date.
 */
export function calendarDayOf(value: string | undefined, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isInstant(value)) {
    throw new BankFileError('invalid-content', `${where}: "${value}" is not an ISO date.`);
  }
  return value.slice(0, 10);
}

/** A `DateAndDateTimeChoice` (`<Dt>` or `<DtTm>`) as a calendar day. */
export function dateChoiceOf(element: XmlElement | undefined, where: string): string | undefined {
  return calendarDayOf(textOf(element, 'Dt') ?? textOf(element, 'DtTm'), where);
}
