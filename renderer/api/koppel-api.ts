import type { KoppelApi, KoppelBridge, MenuCommand } from '../../host/contract';
import { createIpcClient } from './ipc-client';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    koppel?: KoppelBridge;
  }
}

let api: KoppelApi | null = null;

/** The app services: `window.koppel` in Electron, otherwise the `koppel serve` bridge of this page's origin. */
export function getKoppel(): KoppelApi {
  if (api) return api;
  const desktop = typeof window !== 'undefined' ? window.koppel : undefined;
  api = desktop ? createIpcClient(desktop) : createWebClient({ baseUrl: location.origin, token: new URLSearchParams(location.search).get('token') ?? '' });
  return api;
}

/** Menu commands exist only in the desktop app (in a browser this listens to nothing). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return getKoppel().on('menu.command', listener);
}

export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.koppel !== undefined;
}
