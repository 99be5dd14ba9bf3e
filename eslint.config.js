// Lint: type-aware typescript-eslint, and the layer rules that keep dependencies pointing inward
// (domain <- services <- http <- api / web, cli beside them; store and adapters implement
// services/ports; only app.ts, compose.ts and server.ts see everything).
import tseslint from 'typescript-eslint';

const SIBLINGS =
  'The API and the pages are siblings: neither imports the other; what both need lives in src/http, src/services or src/domain.';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const io = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'child_process',
  'node:child_process',
  'pg',
  'better-sqlite3',
  'kysely',
  'fastify',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bin/**',
      'scripts/**',
      'eslint.config.js',
      'src/web/public/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/services/**',
          '**/store/**',
          '**/http/**',
          '**/api/**',
          '**/web/**',
          '**/cli/**',
          '**/config*',
          '**/server*',
        ],
        message: 'The domain is the core: it imports nothing from the outer layers.',
      },
      {
        group: io,
        message:
          'The domain is pure: no I/O. Take data as arguments; adapters live in src/store, src/http, src/cli.',
      },
    ]),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/store/**',
          '**/adapters/**',
          '**/http/**',
          '**/api/**',
          '**/web/**',
          '**/cli/**',
          '**/server*',
          '**/app.js',
          '**/compose.js',
        ],
        message:
          'Services depend on ports (services/ports.ts), never on adapters: only compose.ts, server.ts and cli/context.ts wire concrete things.',
      },
      {
        group: ['pg', 'better-sqlite3', 'fastify'],
        message: 'Services do not talk to the database or HTTP directly: use the ports.',
      },
    ]),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict([
      {
        group: ['**/http/**', '**/web/**', '**/cli/**', '**/server*'],
        message: 'The store implements services/ports.ts; it knows nothing of the edges.',
      },
    ]),
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: restrict([
      {
        group: ['**/store/**', '**/http/**', '**/web/**', '**/cli/**', '**/server*'],
        message:
          'Adapters (mailers, file folders) implement services/ports.ts; they know nothing of the edges or the database.',
      },
    ]),
  },
  {
    files: ['src/store/migrations/**/*.ts'],
    rules: restrict([
      {
        group: ['../../**', '../*.js', '!./**'],
        message: 'Migrations are frozen in time: they never import application code.',
      },
    ]),
  },
  // The edges: http (plugins), then the API and the pages beside each other.
  ...[
    {
      files: ['src/http/**/*.ts', 'src/http/**/*.tsx'],
      outward: ['**/api/**', '**/web/**'],
      message:
        'src/http holds plugins only (auth, CSRF, errors, multipart, rate limits, headers): it imports neither the API nor the pages; app.ts registers all three.',
    },
    { files: ['src/api/**/*.ts'], outward: ['**/web/**'], message: SIBLINGS },
    { files: ['src/web/**/*.ts', 'src/web/**/*.tsx'], outward: ['**/api/**'], message: SIBLINGS },
  ].map(({ files, outward, message }) => ({
    files,
    rules: restrict([
      {
        group: ['**/store/**', '**/adapters/**', '**/cli/**', 'pg', 'better-sqlite3'],
        message:
          'The HTTP and web layers call services; the database, mailers and files are reached only through ports wired in compose.ts.',
      },
      { group: [...outward, '**/app.js', '**/compose.js'], message },
    ]),
  })),
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([
      {
        group: ['**/http/**', '**/api/**', '**/web/**', '**/app.js', '**/compose.js'],
        message: 'The CLI sits on services, beside the HTTP layer, not on top of it.',
      },
    ]),
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
