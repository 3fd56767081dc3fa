/** Unit, contract and end-to-end suites share one config; `npm test` runs them all. */
const moduleNameMapper = {
  '^@app/(domain|event-store|database|read-models|application)(|/.*)$': '<rootDir>/libs/$1/src$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/reliability/'],
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
  globalSetup: '<rootDir>/test/support/build-dist.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
