import type { KoppelApi } from '../../host/contract';
import type { MenuCommand } from './menu-commands';
import { createWebClient } from './web-client';

/** What the Electron preload adds to the contract. */
export interface DesktopKoppelApi extends KoppelApi {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    koppel?: DesktopKoppelApi;
  }
}

let api: KoppelApi | null = null;

/** The app services: `window.koppel` in Electron, otherwise the `koppel serve` bridge of this page's origin. */
export function getKoppel(): KoppelApi {
  if (api) return api;
  const desktop = typeof window !== 'undefined' ? window.koppel : undefined;
  api = desktop ?? createWebClient({ baseUrl: location.origin, token: new URLSearchParams(location.search).get('token') ?? '' });
  return api;
}

/** Menu commands exist only in the desktop app. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const desktop = typeof window !== 'undefined' ? window.koppel : undefined;
  return desktop ? desktop.onMenuCommand(listener) : () => {};
}

export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.koppel !== undefined;
}
