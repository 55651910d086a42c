// Lint rules, including the import layering of DESIGN.md §1: imports only point down the table.
import tseslint from 'typescript-eslint';

const ours = ['engine', 'connectors', 'nodes', 'host', 'electron', 'renderer', 'simulators', 'cli', 'flows-examples', 'tests'];

/** Restrict a folder to the folders it may import from (plus third-party packages, minus `banned`). */
function layer(folder, allowed, banned = []) {
  const forbidden = ours.filter((f) => f !== folder && !allowed.includes(f));
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((f) => ({
              group: [`**/${f}/**`, `**/${f}`],
              message: `${folder}/ may not import ${f}/ (DESIGN.md §1: imports only point down the layer table).`,
            })),
            ...banned.map((b) => ({ group: [b, `${b}/**`], message: `${folder}/ must run under plain Node: no ${b}.` })),
          ],
        },
      ],
    },
  };
}

const nodeOnly = ['electron', 'react', 'react-dom'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' },
      ],
    },
  },
  layer('engine', [], nodeOnly),
  layer('connectors', [], nodeOnly),
  layer('simulators', [], nodeOnly),
  layer('nodes', ['engine', 'connectors'], nodeOnly),
  // host may start the simulators for the demo workspace (they import nothing of ours, so no cycle).
  layer('host', ['engine', 'nodes', 'connectors', 'simulators'], nodeOnly),
  layer('cli', ['engine', 'nodes', 'connectors', 'host', 'simulators', 'flows-examples'], nodeOnly),
  layer('electron', ['host', 'engine', 'nodes', 'connectors']),
  {
    // The renderer sees host/contract.ts only (types and zod schemas), nothing else of ours.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ours
              .filter((f) => f !== 'renderer' && f !== 'host')
              .map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `renderer/ may only import host/contract.ts.` })),
            { group: ['**/host/**', '!**/host/contract', '!**/host/contract.ts'], message: 'renderer/ may only import host/contract.ts.' },
            { group: ['electron', 'electron/**'], message: 'renderer/ talks to the host through window.koppel only.' },
          ],
        },
      ],
    },
  },
);
