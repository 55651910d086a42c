// Runs sandboxed before the renderer: exposes exactly the contract's channels and push channels as `window.koppel`.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { envelopeSchema, parsePush } from '../host/contract';
import type { Envelope, KoppelBridge } from '../host/contract';
import { ipcName, isChannelName, isPushChannel, pushIpcName } from './channels';

const unexpected: Envelope = {
  ok: false,
  error: { message: 'The app answered in an unexpected way. Restart Koppel; if it keeps happening, reinstall it.', kind: 'failed' },
};

const api: KoppelBridge = {
  async invoke(channel, input) {
    if (!isChannelName(channel)) return { ok: false, error: { message: `Unknown channel "${String(channel)}".`, kind: 'unknown-channel' } };
    const parsed = envelopeSchema.safeParse(await ipcRenderer.invoke(ipcName(channel), input));
    return parsed.success ? parsed.data : unexpected;
  },
  on(channel, listener) {
    if (!isPushChannel(channel)) throw new Error(`Unknown push channel "${String(channel)}".`);
    const handler = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = parsePush(channel, payload);
      if (parsed !== undefined) listener(parsed);
    };
    ipcRenderer.on(pushIpcName(channel), handler);
    return () => ipcRenderer.removeListener(pushIpcName(channel), handler);
  },
};

contextBridge.exposeInMainWorld('koppel', api);
