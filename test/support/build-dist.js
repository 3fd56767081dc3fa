/**
 * Jest's globalSetup: the suites that run the service as a real process (the CLI's exit code,
 * the crash and single-writer suites, the attachment streaming) run the compiled JavaScript
 * that `npm start` runs, so dist/ is brought up to date with the sources first. When no source
 * changed that is one stat of each file (scripts/build.js).
 */
const { ensureBuilt } = require('../../scripts/build');

module.exports = function buildDist() {
  ensureBuilt({ log: (line) => process.stderr.write(`${line}\n`) });
};
