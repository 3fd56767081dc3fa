import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'pg',
              message: 'Only libs/database and libs/event-store talk to the database driver.',
            },
            { name: '@electric-sql/pglite', message: 'Only libs/database talks to PGlite.' },
            {
              name: '@eventstore/db-client',
              message: 'Only libs/event-store talks to EventStoreDB.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/database/**/*.ts', 'libs/event-store/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
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
          ],
        },
      ],
    },
  },
);
