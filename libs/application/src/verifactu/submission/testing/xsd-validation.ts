import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SCHEMAS = join(__dirname, '..', 'schemas');

/**
 * Tests only: xmllint's verdict on a SOAP request or answer against AEAT's schemas (the SOAP
 * envelope with SuministroLR.xsd and RespuestaSuministro.xsd, `schemas/suministro-envelope.xsd`),
 * offline: the catalog resolves the W3C xmldsig import to the copy beside them.
 */
export async function validateAgainstAeatSchemas(
  xml: string,
): Promise<{ valid: boolean; output: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'verifactu-xsd-'));
  const path = join(directory, 'document.xml');
  try {
    await writeFile(path, xml, 'utf8');
    const { stderr } = await promisify(execFile)(
      'xmllint',
      ['--nonet', '--noout', '--schema', join(SCHEMAS, 'suministro-envelope.xsd'), path],
      { env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') } },
    );
    return { valid: true, output: stderr };
  } catch (error: unknown) {
    const stderr =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    return { valid: false, output: stderr || String(error) };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
