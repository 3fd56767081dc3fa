// @ts-check
'use strict';
/**
 * `npm run build`: the service's TypeScript (apps/, libs/) compiled to JavaScript in dist/,
 * file by file, only what changed since the last build. `npm ci` runs it (`prepare`), and so
 * do `npm start`, `npm run cli` and `npm run projections` before they start (`pre…` scripts),
 * and jest before the suites: when nothing changed, that costs one stat of each source file.
 *
 * Each file is transpiled on its own (`ts.transpileModule`, as ts-node --transpile-only did;
 * tsconfig's `isolatedModules` keeps every file transpilable alone), and the `@app/...` path
 * aliases of tsconfig's `paths` are rewritten into relative `require`s, so dist/ runs on plain
 * `node` with no resolver hook. Type errors are `npm run typecheck`'s business, not this one's.
 * Why this and not `tsc`/`nest build` or a bundler: docs/build.md.
 *
 *   node scripts/build.js            build what changed (nothing: no output at all)
 *   node scripts/build.js --force    transpile every file again
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist');
const MANIFEST = path.join(OUT_DIR, 'build-manifest.json');
const LOCK_DIR = path.join(OUT_DIR, '.build-lock');
/** Where the sources are: every .ts file below them is watched (specs too, to stay simple). */
const SOURCE_DIRS = ['apps', 'libs'];
/** The compiler options and the files to build: tsconfig.build.json (it extends the base). */
const BUILD_TSCONFIG = 'tsconfig.build.json';
/** Files whose content decides how every file is compiled: any change rebuilds everything. */
const SETTINGS_FILES = ['tsconfig.base.json', BUILD_TSCONFIG, 'scripts/build.js'];
const LOCK_WAIT_MS = 10 * 60_000;

/**
 * @typedef {[mtimeMs: number, size: number, sha1: string]} InputStamp
 * @typedef {{ settings: string, typescript: string, inputs: Record<string, InputStamp>, outputs: string[] }} Manifest
 * @typedef {{ force?: boolean, log?: (line: string) => void }} BuildOptions
 * @typedef {{ built: boolean, transpiled: number, files: number, ms: number }} BuildResult
 */

/**
 * Builds dist/ if any source or setting changed since the last build; waits while another
 * process builds the same checkout. Throws, writing no manifest, on a file that does not parse.
 * @param {BuildOptions} [options]
 * @returns {BuildResult}
 */
function ensureBuilt(options = {}) {
  const started = performance.now();
  const result = (/** @type {boolean} */ built, transpiled = 0, files = 0) => ({
    built,
    transpiled,
    files,
    ms: Math.round(performance.now() - started),
  });
  if (!options.force && isFresh(readManifest())) return result(false);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const release = acquireLock();
  try {
    const manifest = readManifest();
    if (!options.force && isFresh(manifest)) return result(false);
    const { transpiled, files } = build(options.force ? null : manifest, options.log ?? (() => {}));
    return result(true, transpiled, files);
  } finally {
    release();
  }
}

/** @returns {Manifest | null} */
function readManifest() {
  try {
    return JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Fresh: the same settings, and every source file there with the size and mtime it had when
 * built (no file read). The TypeScript version counts only where TypeScript is installed (an
 * install without dev dependencies runs dist/ as it is).
 * @param {Manifest | null} manifest
 */
function isFresh(manifest) {
  if (!manifest || manifest.settings !== settingsHash()) return false;
  const typescript = installedTypeScriptVersion();
  if (typescript !== null && typescript !== manifest.typescript) return false;
  const files = sourceFiles();
  if (files.length !== Object.keys(manifest.inputs).length) return false;
  for (const file of files) {
    const stamp = manifest.inputs[file];
    if (!stamp) return false;
    const stat = fs.statSync(path.join(ROOT, file));
    if (stat.mtimeMs !== stamp[0] || stat.size !== stamp[1]) return false;
  }
  return manifest.outputs.every((output) => fs.existsSync(path.join(OUT_DIR, output)));
}

function settingsHash() {
  const hash = crypto.createHash('sha1');
  for (const file of SETTINGS_FILES) hash.update(fs.readFileSync(path.join(ROOT, file)));
  return hash.digest('hex');
}

/** @returns {string | null} */
function installedTypeScriptVersion() {
  try {
    const manifest = path.join(ROOT, 'node_modules', 'typescript', 'package.json');
    return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  } catch {
    return null;
  }
}

/** Every .ts file under the source folders, as a path relative to the root with `/`. */
function sourceFiles() {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ relativeDir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, relativeDir), { withFileTypes: true })) {
      const relative = `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts')) files.push(relative);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return files.sort();
}

/**
 * @param {Manifest | null} previous what an earlier build wrote (null: write everything)
 * @param {(line: string) => void} log
 */
function build(previous, log) {
  const ts = loadTypeScript();
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, BUILD_TSCONFIG),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts, [d]) },
  );
  if (!config) throw new Error(`${BUILD_TSCONFIG} could not be read`);
  if (config.errors.length > 0) fail(ts, config.errors);
  const settings = settingsHash();
  const reuse = previous && previous.settings === settings && previous.typescript === ts.version;

  /** @type {Record<string, InputStamp>} */
  const inputs = {};
  for (const file of sourceFiles()) {
    const absolute = path.join(ROOT, file);
    const stat = fs.statSync(absolute);
    const known = previous?.inputs[file];
    const unchanged = known && known[0] === stat.mtimeMs && known[1] === stat.size;
    inputs[file] = [stat.mtimeMs, stat.size, unchanged ? known[2] : sha1(absolute)];
  }

  const toBuild = config.fileNames
    .filter((file) => !file.endsWith('.d.ts'))
    .map((file) => toPosix(path.relative(ROOT, file)));
  const outputs = toBuild.flatMap((file) => [jsOf(file), `${jsOf(file)}.map`]);
  const changed = toBuild.filter(
    (file) =>
      !reuse ||
      previous.inputs[file]?.[2] !== inputs[file]?.[2] ||
      !fs.existsSync(path.join(OUT_DIR, jsOf(file))),
  );
  if (changed.length > 0) {
    log(`Compiling ${changed.length} of ${toBuild.length} TypeScript files into dist/…`);
  }
  const compilerOptions = { ...config.options, noEmit: false, declaration: false };
  const aliases = aliasResolver(config.options);
  // Everything in memory first: a file that does not parse leaves dist/ as it was.
  const compiled = changed.map((file) => ({
    file,
    ...transpile(ts, file, compilerOptions, aliases),
  }));
  const errors = compiled.flatMap((output) => output.errors);
  if (errors.length > 0) fail(ts, errors);
  for (const { file, js, map } of compiled) {
    writeAtomically(path.join(OUT_DIR, jsOf(file)), js);
    writeAtomically(path.join(OUT_DIR, `${jsOf(file)}.map`), map);
  }

  const kept = new Set(outputs);
  for (const stale of previous?.outputs ?? []) {
    if (!kept.has(stale)) fs.rmSync(path.join(OUT_DIR, stale), { force: true });
  }
  /** @type {Manifest} */
  const manifest = { settings, typescript: ts.version, inputs, outputs };
  writeAtomically(MANIFEST, JSON.stringify(manifest));
  return { transpiled: changed.length, files: toBuild.length };
}

/** @returns {typeof import('typescript')} */
function loadTypeScript() {
  try {
    return require('typescript');
  } catch {
    throw new Error(
      'dist/ is missing or older than the sources, and TypeScript (a dev dependency) is not ' +
        'installed to build it: run `npm ci` with dev dependencies, then `npm run build`.',
    );
  }
}

/**
 * One file to JavaScript, its `@app/...` requires made relative, its source map pointing at
 * the .ts file.
 * @param {typeof import('typescript')} ts
 * @param {string} file relative to the root
 * @param {import('typescript').CompilerOptions} compilerOptions
 * @param {(specifier: string, fromFile: string) => string | null} aliases
 */
function transpile(ts, file, compilerOptions, aliases) {
  const output = ts.transpileModule(fs.readFileSync(path.join(ROOT, file), 'utf8'), {
    compilerOptions,
    fileName: path.join(ROOT, file),
    reportDiagnostics: true,
    transformers: { after: [rewriteAliases(ts, file, aliases)] },
  });
  const errors = output.diagnostics ?? [];
  const leftover = /\brequire\("(@app\/[^"]*)"\)/.exec(output.outputText);
  if (errors.length === 0 && leftover) {
    throw new Error(`${file}: no path in ${BUILD_TSCONFIG}'s "paths" matches "${leftover[1]}"`);
  }
  const map = JSON.parse(output.sourceMapText ?? '{}');
  const jsDir = path.dirname(path.join(OUT_DIR, jsOf(file)));
  map.sources = [toPosix(path.relative(jsDir, path.join(ROOT, file)))];
  delete map.sourceRoot;
  return { js: output.outputText, map: JSON.stringify(map), errors };
}

/**
 * After the CommonJS transform: `require("@app/x/...")` → `require("../../libs/x/src/...")`,
 * the same relative path from the file's place in dist/ as from its place in the sources.
 * @param {typeof import('typescript')} ts
 * @param {string} file
 * @param {(specifier: string, fromFile: string) => string | null} aliases
 * @returns {import('typescript').TransformerFactory<import('typescript').SourceFile>}
 */
function rewriteAliases(ts, file, aliases) {
  return (context) => (sourceFile) => {
    /** @type {(node: import('typescript').Node) => import('typescript').Node} */
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require' &&
        node.arguments.length === 1 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const target = aliases(node.arguments[0].text, file);
        if (target !== null) {
          return context.factory.updateCallExpression(node, node.expression, undefined, [
            context.factory.createStringLiteral(target),
          ]);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return /** @type {import('typescript').SourceFile} */ (ts.visitNode(sourceFile, visit));
  };
}

/**
 * tsconfig's `paths` as a function: a specifier they map → the relative path from `fromFile`,
 * any other → null. Exact patterns first, then the longest `prefix*`.
 * @param {import('typescript').CompilerOptions} options
 */
function aliasResolver(options) {
  const baseUrl = options.baseUrl ?? ROOT;
  const patterns = Object.entries(options.paths ?? {}).map(([pattern, [target]]) => ({
    prefix: pattern.replace(/\*$/, ''),
    wildcard: pattern.endsWith('*'),
    target,
  }));
  patterns.sort(
    (a, b) => Number(a.wildcard) - Number(b.wildcard) || b.prefix.length - a.prefix.length,
  );
  return (/** @type {string} */ specifier, /** @type {string} */ fromFile) => {
    const match = patterns.find((p) =>
      p.wildcard ? specifier.startsWith(p.prefix) : specifier === p.prefix,
    );
    if (!match) return null;
    const mapped = match.wildcard
      ? match.target.replace('*', specifier.slice(match.prefix.length))
      : match.target;
    const relative = toPosix(
      path.relative(path.dirname(path.join(ROOT, fromFile)), path.resolve(baseUrl, mapped)),
    );
    return relative.startsWith('.') ? relative : `./${relative}`;
  };
}

/**
 * One builder per checkout at a time (npm start and a test run may start together): a lock
 * directory holding the builder's pid, taken over when that process is gone.
 * @returns {() => void} release
 */
function acquireLock() {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (!holderAlive()) {
      fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another build has held ${LOCK_DIR} for ${LOCK_WAIT_MS / 60_000} minutes`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

/** Whether the process named in the lock still runs (a lock without a pid yet: assume so). */
function holderAlive() {
  let pid;
  try {
    pid = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
  } catch {
    const age = Date.now() - (fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age < 10_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * @param {string} file
 * @param {string} content
 */
function writeAtomically(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/**
 * @param {typeof import('typescript')} ts
 * @param {readonly import('typescript').Diagnostic[]} diagnostics
 * @returns {never}
 */
function fail(ts, diagnostics) {
  const text = ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  });
  throw new Error(`the build failed, dist/ is unchanged:\n${text}`);
}

/** @param {string} file */
function sha1(file) {
  return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');
}

/** `apps/api/src/main.ts` → `apps/api/src/main.js` (relative to dist/). */
function jsOf(/** @type {string} */ file) {
  return file.replace(/\.ts$/, '.js');
}

function toPosix(/** @type {string} */ file) {
  return file.split(path.sep).join('/');
}

module.exports = { ensureBuilt, OUT_DIR };

if (require.main === module) {
  try {
    const result = ensureBuilt({
      force: process.argv.includes('--force'),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (result.built) {
      process.stderr.write(
        `dist/ built: ${result.transpiled} of ${result.files} files compiled in ${result.ms} ms\n`,
      );
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
