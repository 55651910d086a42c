/**
 * The IPC surface: exactly the channels of `host/contract.ts` (taken from it, so a channel the host adds is
 * exposed without editing this file), plus the two event channels main → renderer.
 */
import { channels } from '../host/contract';
import type { Channel } from '../host/contract';

export const CHANNELS: readonly Channel[] = channels;
const channelSet: ReadonlySet<string> = new Set(CHANNELS);

/** `ipcMain.handle` name of a contract channel. */
export const ipcName = (channel: Channel): string => `koppel:${channel}`;
/** Run events, main → renderer. */
export const RUN_EVENT_CHANNEL = 'koppel-event:run';
/** Menu commands, main → renderer. */
export const MENU_COMMAND_CHANNEL = 'koppel-menu:command';

/** Mirrors `renderer/api/menu-commands.ts` (electron/ may not import renderer/). */
export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'export', 'import', 'run', 'dryRun', 'stop', 'undo', 'redo', 'connections', 'autoLayout', 'zoomFit'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];
export interface MenuCommand {
  command: MenuCommandName;
  path?: string;
}

export function isChannelName(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

/** What every IPC handler answers: errors travel as data so the person sees the host's message, not Electron's wrapper. */
export type Envelope = { ok: true; result: unknown } | { ok: false; error: { message: string } };

/** Unwraps an IPC answer in the preload: the result, or an Error with the host's message. */
export function unwrapEnvelope(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    if (value.ok === true && 'result' in value) return value.result;
    if (value.ok === false && 'error' in value) {
      const err = value.error;
      const message = typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string' ? err.message : 'The app could not complete the request.';
      throw new Error(message);
    }
  }
  throw new Error('The app answered in an unexpected way. Restart Koppel; if it keeps happening, reinstall it.');
}
