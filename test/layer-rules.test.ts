/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by lint: an import that points outward
 * (or a migration importing app code) is an error with a message saying why.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
// Only the import rules, without type information: the probes are not files on disk.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function lintImports(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    [
      'src/domain/directory/probe.ts',
      "import fs from 'node:fs';\nexport const x = fs;\n",
      'The domain is pure',
    ],
    [
      'src/domain/followup/probe.ts',
      "import { openDb } from '../../store/db.js';\nexport const x = openDb;\n",
      'The domain is the core',
    ],
    [
      'src/services/probe.ts',
      "import { openDb } from '../store/db.js';\nexport const x = openDb;\n",
      'Services depend on ports',
    ],
    [
      'src/store/migrations/probe.ts',
      "import { openDb } from '../db.js';\nexport const x = openDb;\n",
      'Migrations are frozen in time',
    ],
    [
      'src/http/probe.ts',
      "import { openDb } from '../store/db.js';\nexport const x = openDb;\n",
      'The HTTP and web layers call services',
    ],
    [
      'src/web/probe.ts',
      "import { openDb } from '../store/db.js';\nexport const x = openDb;\n",
      'The HTTP and web layers call services',
    ],
    [
      'src/http/probe.ts',
      "import { registerApi } from '../api/index.js';\nexport const x = registerApi;\n",
      'src/http holds plugins only',
    ],
    [
      'src/http/probe.ts',
      "import { registerWebsite } from '../web/index.js';\nexport const x = registerWebsite;\n",
      'src/http holds plugins only',
    ],
    [
      'src/api/probe.ts',
      "import { renderErrorPage } from '../web/error-page.js';\nexport const x = renderErrorPage;\n",
      'The API and the pages are siblings',
    ],
    [
      'src/web/probe.ts',
      "import { registerSearchRoutes } from '../api/search.routes.js';\nexport const x = registerSearchRoutes;\n",
      'The API and the pages are siblings',
    ],
    [
      'src/web/probe.ts',
      "import { createApp } from '../app.js';\nexport const x = createApp;\n",
      'The API and the pages are siblings',
    ],
    [
      'src/services/probe.ts',
      "import { composeApp } from '../compose.js';\nexport const x = composeApp;\n",
      'Services depend on ports',
    ],
  ])('%s may not make that import', async (file, code, why) => {
    const messages = await lintImports(file, code);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(why);
  });

  it('lets imports point inward', async () => {
    expect(
      await lintImports(
        'src/services/probe.ts',
        "import { DomainError } from '../domain/errors.js';\nexport const x = DomainError;\n",
      ),
    ).toEqual([]);
    expect(
      await lintImports(
        'src/http/probe.ts',
        "import { searchAgencies } from '../services/search.service.js';\nexport const x = searchAgencies;\n",
      ),
    ).toEqual([]);
    expect(
      await lintImports(
        'src/web/probe.ts',
        "import { createCsrfToken } from '../http/auth.js';\nexport const x = createCsrfToken;\n",
      ),
    ).toEqual([]);
    expect(
      await lintImports(
        'src/api/probe.ts',
        "import { accountOf } from '../http/auth.js';\nexport const x = accountOf;\n",
      ),
    ).toEqual([]);
  });
});
