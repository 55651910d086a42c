// The one module that touches Electron's ipcMain (eslint keeps it here and in ipc.ts): the contract's handlers on it.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc } from './ipc';
import type { IpcDeps } from './ipc';

/** Registers every contract channel on the app's ipcMain; returns a function that removes the handlers. */
export function registerContractIpc(deps: Omit<IpcDeps<IpcMainInvokeEvent>, 'ipcMain'>): () => void {
  return registerIpc({ ...deps, ipcMain });
}
