/** `npm run test:reliability`: the concurrency, crash, fuzz and access suites (bounded run time). */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  testRegex: 'test/reliability/.*\\.rel-spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120000,
  globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
};
