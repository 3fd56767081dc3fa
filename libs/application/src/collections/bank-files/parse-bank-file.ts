import { BankFileError } from './bank-file-error';
import type { BankFileFormat, ParsedBankFile } from './bank-file.types';
import { returnsInCamt054 } from './camt054';
import { returnsInPain002 } from './pain002';
import {
  child,
  isElement,
  namespacesOf,
  parseXmlSafely,
  textOf,
  type XmlElement,
} from './xml-tree';

interface SupportedMessage {
  format: BankFileFormat;
  element: string;
  /** Oldest `.001.NN` version read: earlier ones place these elements elsewhere. */
  minimumVersion: number;
}

const SUPPORTED: readonly SupportedMessage[] = [
  { format: 'camt.054', element: 'BkToCstmrDbtCdtNtfctn', minimumVersion: 2 },
  { format: 'pain.002', element: 'CstmrPmtStsRpt', minimumVersion: 3 },
];

// Messages an operator might upload by mistake, named so the refusal says what the file is.
const KNOWN_OTHERS: Readonly<Record<string, string>> = {
  BkToCstmrStmt: 'camt.053 (account statement)',
  BkToCstmrAcctRpt: 'camt.052 (account report)',
  CstmrDrctDbtInitn: 'pain.008 (the direct debit remittance itself)',
  CstmrCdtTrfInitn: 'pain.001 (credit transfer initiation)',
  FIToFIPmtStsRpt: 'pacs.002 (interbank status report)',
};

const ISO_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.\d{3})\.001\.(\d{2})$/;

/**
 * Reads the returned and rejected direct debits out of a bank file: a camt.054 notification
 * (returns, `kind: 'return'`) or a pain.002 status report (rejects, `kind: 'reject'`), any
 * version namespace from camt.054.001.02 / pain.002.001.03. Pure: no I/O, no clock. Throws a
 * BankFileError, with a message for the operator, for anything it cannot read with certainty.
 * Reason codes are passed on as sent, known or not (see RETURN_REASONS).
 */
export function parseBankFile(xml: string): ParsedBankFile {
  const tree = parseXmlSafely(xml);
  const document = documentOf(tree);
  const message = SUPPORTED.find(({ element }) => Object.hasOwn(document, element));
  if (message === undefined) throw unsupported(document);
  checkNamespace(document, message);
  const body = child(document, message.element) ?? {};
  const messageId = textOf(child(body, 'GrpHdr'), 'MsgId');
  if (messageId === undefined) {
    throw new BankFileError(
      'missing-message-id',
      `The ${message.format} file has no GrpHdr/MsgId, so a second import of it could not be recognised.`,
    );
  }
  const returns = message.format === 'camt.054' ? returnsInCamt054(body) : returnsInPain002(body);
  return { format: message.format, messageId, returns };
}

function documentOf(tree: XmlElement): XmlElement {
  const roots = Object.keys(tree).filter((name) => !name.startsWith('?'));
  if (roots.length !== 1 || roots[0] !== 'Document') {
    throw new BankFileError(
      'unsupported-message',
      `The file's root element is ${roots.join(', ') || 'missing'}; an ISO 20022 bank file starts with <Document>.`,
    );
  }
  const document = tree.Document;
  return isElement(document) ? document : {};
}

function unsupported(document: XmlElement): BankFileError {
  const elements = Object.keys(document).filter((name) => !name.startsWith('@_'));
  const other = elements.find((name) => Object.hasOwn(KNOWN_OTHERS, name));
  const known = other === undefined ? undefined : KNOWN_OTHERS[other];
  return new BankFileError(
    'unsupported-message',
    `${known !== undefined ? `This is a ${known} file` : `The document holds ${elements.join(', ') || 'nothing'}`}; returns are imported from camt.054 notifications or pain.002 status reports.`,
  );
}

// The element names identify the message; a namespace, when declared, must agree with them and
// be a version read here. Files without a namespace are read by their element names.
function checkNamespace(document: XmlElement, message: SupportedMessage): void {
  const declared = namespacesOf(document).filter((uri) => uri.startsWith('urn:iso:std:iso:20022:'));
  if (declared.length === 0) return;
  const versions = declared.map((uri) => ISO_NAMESPACE.exec(uri));
  const matching = versions.find((match) => match !== null && match[1] === message.format);
  if (matching === undefined || matching === null) {
    throw new BankFileError(
      'unsupported-message',
      `The namespace ${declared.join(', ')} does not declare a ${message.format} message.`,
    );
  }
  if (Number(matching[2]) < message.minimumVersion) {
    const oldest = `${message.format}.001.${String(message.minimumVersion).padStart(2, '0')}`;
    throw new BankFileError(
      'unsupported-message',
      `${message.format}.001.${matching[2]} is not supported; versions from ${oldest} are.`,
    );
  }
}
