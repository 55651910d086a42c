import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

// The import rules of DESIGN.md §1 are enforced by eslint; this checks that the rule really bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import layering (DESIGN.md §1)', () => {
  const cases: [string, string, boolean][] = [
    ['engine/x.ts', "import { a } from '../connectors/visma-net/index';", false],
    ['engine/x.ts', "import { a } from 'electron';", false],
    ['connectors/ccv-shop/x.ts', "import { a } from '../../engine/types';", false],
    ['connectors/ccv-shop/x.ts', "import { a } from '../common/retry';", true],
    ['simulators/visma-net/x.ts', "import { a } from '../../connectors/visma-net/index';", false],
    ['nodes/ccv/x.ts', "import { a } from '../../connectors/ccv-shop/index';", true],
    ['nodes/ccv/x.ts', "import { a } from '../../host/index';", false],
    ['host/x.ts', "import { a } from '../nodes/catalog';", true],
    ['host/x.ts', "import { a } from 'react';", false],
    ['host/x.ts', "import { a } from '../simulators/ccv-shop/index';", true],
    ['host/x.ts', "import { a } from '../renderer/app';", false],
    ['renderer/x.tsx', "import type { a } from '../host/contract';", true],
    ['renderer/x.tsx', "import { a } from '../host/services/flows';", false],
    ['renderer/x.tsx', "import { a } from '../engine/types';", false],
    ['cli/x.ts', "import { a } from '../renderer/app';", false],
    ['cli/x.ts', "import { a } from '../simulators/ccv-shop/index';", true],
  ];
  it.each(cases)('%s: %s allowed=%s', async (file, code, allowed) => {
    const errors = await importErrors(file, code);
    expect(errors.length === 0).toBe(allowed);
  });
});
