/**
 * The IPC surface: exactly the channels and push channels of `host/contract.ts` (taken from it, so a channel the
 * host adds is exposed without editing this file), under Electron channel names of our own.
 */
import { channels, isPushChannel, pushChannels } from '../host/contract';
import type { Channel, PushChannel } from '../host/contract';

export const CHANNELS: readonly Channel[] = channels;
export const PUSH_CHANNELS: readonly PushChannel[] = pushChannels;
const channelSet: ReadonlySet<string> = new Set(CHANNELS);

/** `ipcMain.handle` name of a contract channel. */
export const ipcName = (channel: Channel): string => `koppel:${channel}`;
/** `webContents.send` name of a push channel (main → renderer). */
export const pushIpcName = (channel: PushChannel): string => `koppel-push:${channel}`;

export function isChannelName(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

export { isPushChannel };
