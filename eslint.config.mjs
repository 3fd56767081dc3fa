import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const DRIVERS = [
  { name: 'pg', message: 'Only libs/database and libs/event-store talk to the database driver.' },
  { name: '@electric-sql/pglite', message: 'Only libs/database talks to PGlite.' },
  { name: '@eventstore/db-client', message: 'Only libs/event-store talks to EventStoreDB.' },
];

/** Libraries, the CLI and the bench use the application through @app/application, never apps/api. */
const NOT_FROM_APPS = [
  {
    group: ['**/apps/**', '**/api/src/**'],
    message: 'Import the application from @app/application.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: DRIVERS, patterns: NOT_FROM_APPS }],
    },
  },
  {
    files: ['libs/database/**/*.ts', 'libs/event-store/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The bench may talk to the database directly, but reaches the application only through
    // @app/application, as the CLI does.
    files: ['bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NOT_FROM_APPS }] },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'typeorm',
            'pg',
            '@app/event-store',
            '@app/database',
            '@app/read-models',
            '@app/application',
          ],
        },
      ],
    },
  },
);
