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

async function syntaxErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('Electron IPC stays in its wrappers (DESIGN.md §5)', () => {
  const cases: [string, string, boolean][] = [
    ['electron/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';", true],
    ['electron/main.ts', "import { app, ipcRenderer } from 'electron';", false],
    ['electron/menu.ts', "const { ipcRenderer } = require('electron');", false],
    ['electron/main.ts', "import * as electron from 'electron'; electron.ipcRenderer.send('koppel:flows.save', {});", false],
    ['electron/ipc-main.ts', "import { ipcRenderer } from 'electron';", false],
    ['electron/ipc-main.ts', "import { ipcMain } from 'electron';", true],
    ['electron/ipc.ts', "export const register = (deps: { ipcMain: { handle(c: string): void } }) => deps.ipcMain.handle('koppel:app.info');", true],
    ['electron/main.ts', "import { app, ipcMain } from 'electron';", false],
    ['electron/main.ts', "import electron from 'electron'; electron.ipcMain.handle('x', () => 1);", false],
    ['electron/main.ts', "import { ipcMain as main } from 'electron/main';", false],
    ['electron/preload.ts', "import { ipcMain } from 'electron';", false],
    ['tests/x.test.ts', "import { ipcMain } from 'electron';", false],
    ['electron/main.ts', "import type { IpcMainInvokeEvent, IpcRendererEvent } from 'electron';", true],
    ['electron/main.ts', "declare const win: { webContents: { send(c: string, p: unknown): void } }; win.webContents.send('koppel-push:menu.command', {});", false],
  ];
  it.each(cases)('%s: %s allowed=%s', async (file, code, allowed) => {
    const errors = await syntaxErrors(file, code);
    expect(errors.length === 0).toBe(allowed);
  });
});
