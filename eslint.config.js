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

const noFocusedTests = {
  selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]",
  message: 'No focused or skipped tests.',
};

/**
 * Electron's IPC objects stay in the modules that wrap them (DESIGN.md §5): `ipcRenderer` in the preload, which
 * exposes only the contract's channels, and `ipcMain` in the IPC wrapper, which checks the sender and validates
 * every input. Named imports, `electron.ipcX` and `const { ipcX } = require(...)` are all caught.
 */
function ipcOnlyIn(name, home) {
  const message = `${name} belongs in ${home} only: use the contract through it (DESIGN.md §5).`;
  return [
    { selector: `ImportDeclaration[source.value=/^electron/] > ImportSpecifier[imported.name='${name}']`, message },
    { selector: `MemberExpression[property.name='${name}']`, message },
    { selector: `VariableDeclarator[init.callee.name='require'] > ObjectPattern > Property[key.name='${name}']`, message },
  ];
}
const IPC_RENDERER_HOME = ['electron/preload.ts'];
const IPC_MAIN_HOME = ['electron/ipc-main.ts', 'electron/ipc.ts'];
const ipcRendererBan = ipcOnlyIn('ipcRenderer', IPC_RENDERER_HOME.join(', '));
const ipcMainBan = ipcOnlyIn('ipcMain', IPC_MAIN_HOME.join(', '));
/** Pushes to the window go through `sendPush` (electron/ipc.ts), typed by the contract's push channels. */
const webContentsSendBan = {
  selector: "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
  message: "Send to the window with sendPush (electron/ipc.ts): a push channel of the contract, not a free-form name.",
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noFocusedTests, ...ipcRendererBan, ...ipcMainBan, webContentsSendBan],
    },
  },
  { files: IPC_RENDERER_HOME, rules: { 'no-restricted-syntax': ['error', noFocusedTests, ...ipcMainBan, webContentsSendBan] } },
  { files: IPC_MAIN_HOME, rules: { 'no-restricted-syntax': ['error', noFocusedTests, ...ipcRendererBan, webContentsSendBan] } },
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
