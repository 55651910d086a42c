// Runs sandboxed before the renderer: exposes exactly the contract's channels as `window.koppel`.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { runEventSchema } from '../host/contract';
import type { KoppelApi } from '../host/contract';
import { MENU_COMMANDS, MENU_COMMAND_CHANNEL, RUN_EVENT_CHANNEL, isChannelName, unwrapEnvelope } from './channels';
import type { MenuCommand } from './channels';
import { parseOutput } from './typed-contract';

function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null || !('command' in value)) return false;
  const { command } = value;
  const pathOk = !('path' in value) || value.path === undefined || typeof value.path === 'string';
  return typeof command === 'string' && MENU_COMMANDS.some((c) => c === command) && pathOk;
}

const api: KoppelApi & { onMenuCommand(listener: (command: MenuCommand) => void): () => void } = {
  async invoke(channel, input) {
    if (!isChannelName(channel)) throw new Error(`Unknown channel "${String(channel)}".`);
    const answer: unknown = await ipcRenderer.invoke(`koppel:${channel}`, input);
    return parseOutput(channel, unwrapEnvelope(answer));
  },
  onRunEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = runEventSchema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(RUN_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(RUN_EVENT_CHANNEL, handler);
  },
  onMenuCommand(listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => {
      if (isMenuCommand(payload)) listener(payload);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('koppel', api);
