// The desktop shell: one hardened window, menu, tray, and the host services running in this process.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, Notification, Tray, app, dialog, nativeImage, session, shell } from 'electron';
import type { IpcMainInvokeEvent, Session } from 'electron';
import Store from 'electron-store';
import { koppelHome } from '../engine/index';
import { createHost } from '../host/index';
import type { DesktopNotification, KoppelHost } from '../host/types';
import { createElectronStoreSettings, electronStoreOptions } from './adapters/electron-store-settings';
import { createKeychainSecrets } from '../host/adapters/keychain-secrets';
import type { MenuCommand, MenuCommandName } from '../host/contract';
import { forwardRunEvents, sendPush } from './ipc';
import { registerContractIpc } from './ipc-main';
import { buildMenuTemplate, buildTrayTemplate } from './menu';
import { MENU_LABELS, menuLanguage } from './menu-labels';
import type { MenuLanguage } from './menu-labels';
import { CSP, devCsp, isExternalLink, isPermissionAllowed, isTrustedUrl, withCsp } from './security';
import type { TrustedOrigin } from './security';
import { TRAY_ICON_DATA_URL } from './tray-icon';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/preload.cjs');
const rendererIndex = path.join(here, '../renderer/index.html');
/** Set by `electron-vite dev`; never in a packaged app. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trusted: TrustedOrigin = { rendererFile: pathToFileURL(rendererIndex).href, ...(devServerUrl ? { devServerUrl } : {}) };
const isMac = process.platform === 'darwin';

let win: BrowserWindow | null = null;
let tray: Tray | null = null;
let host: KoppelHost | null = null;
/** Who runs the schedules when this window does not (another Koppel holds the lock). */
let schedulerNote = '';
let quitting = false;
let language: MenuLanguage = 'en';
let home = '';

function showWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  refreshTray();
}

function toggleWindow(): void {
  if (win?.isVisible()) win.hide();
  else showWindow();
  refreshTray();
}

function quit(): void {
  quitting = true;
  app.quit();
}

function send(command: MenuCommand): void {
  if (!win) return;
  showWindow();
  sendPush(win.webContents, 'menu.command', command);
}

async function openDialog(): Promise<void> {
  if (!win) return;
  const labels = MENU_LABELS[language];
  const res = await dialog.showOpenDialog(win, { defaultPath: path.join(home, 'flows'), properties: ['openFile'], filters: [{ name: labels.flowFiles, extensions: ['json'] }] });
  const file = res.filePaths[0];
  if (!res.canceled && file) send({ command: 'open', path: file });
}

async function saveAsDialog(): Promise<void> {
  if (!win) return;
  const labels = MENU_LABELS[language];
  // The dialog asks before replacing a file (on Linux only when told to), so the save may then overwrite it.
  const res = await dialog.showSaveDialog(win, {
    defaultPath: path.join(home, 'flows', 'flow.flow.json'),
    filters: [{ name: labels.flowFiles, extensions: ['json'] }],
    properties: ['showOverwriteConfirmation'],
  });
  if (!res.canceled && res.filePath) send({ command: 'saveAs', path: res.filePath });
}

function buildMenu(): void {
  const template = buildMenuTemplate(
    MENU_LABELS[language],
    {
      send: (command: MenuCommandName) => send({ command }),
      open: () => void openDialog(),
      saveAs: () => void saveAsDialog(),
      quit,
    },
    isMac,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function refreshTray(): void {
  if (!tray) return;
  const labels = MENU_LABELS[language];
  tray.setToolTip(schedulerNote ? `Koppel — ${schedulerNote}` : labels.trayTooltip);
  tray.setContextMenu(Menu.buildFromTemplate(buildTrayTemplate(labels, win?.isVisible() ?? false, { toggle: toggleWindow, quit })));
}

/** Closing the window hides it to the tray, so schedules keep running; Quit (menu or tray) really ends. */
function createTray(): void {
  tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
  tray.on('click', toggleWindow);
  refreshTray();
}

/** A call is trusted only from our window's main frame showing our renderer. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return win !== null && event.sender === win.webContents && frame !== null && frame === win.webContents.mainFrame && isTrustedUrl(frame.url, trusted);
}

function hardenSession(s: Session): void {
  const csp = devServerUrl ? devCsp(devServerUrl) : CSP;
  s.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders, csp) }));
  s.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  s.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Koppel',
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => showWindow());
  win.on('close', (e) => {
    if (quitting) return;
    e.preventDefault();
    win?.hide();
    refreshTray();
  });
  win.on('show', refreshTray);
  win.on('hide', refreshTray);
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererIndex);
}

// Every web contents: no new windows (http links go to the system browser), no navigation, no webviews.
app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

/** Failure and recovery notices from the scheduler; clicking one brings the window back. */
function notify(n: DesktopNotification): void {
  if (!Notification.isSupported()) return;
  const note = new Notification({ title: n.title, body: n.body, icon: nativeImage.createFromDataURL(TRAY_ICON_DATA_URL) });
  note.on('click', showWindow);
  note.show();
}

function languageOf(input: unknown): string | undefined {
  return typeof input === 'object' && input !== null && 'language' in input && typeof input.language === 'string' ? input.language : undefined;
}

async function start(): Promise<void> {
  home = koppelHome();
  const store = new Store<Record<string, unknown>>(electronStoreOptions(home));
  host = await createHost({
    home,
    mode: 'desktop',
    settings: createElectronStoreSettings(store),
    secrets: createKeychainSecrets(),
    locale: app.getLocale(),
    version: app.getVersion(),
    examplesDir: path.join(app.getAppPath(), 'flows-examples'),
    notify,
  });
  // Runs left "running" by a Koppel that was killed are closed as failed before anything else.
  host.markAbandonedRuns();
  hardenSession(session.defaultSession);
  registerContractIpc({
    host,
    isTrustedSender,
    onSuccess: (channel, input) => {
      if (channel !== 'settings.setLanguage') return;
      language = menuLanguage(languageOf(input));
      buildMenu();
      refreshTray();
    },
  });
  forwardRunEvents(host, () => win?.webContents ?? null);
  language = menuLanguage((await host.invoke('app.info', {})).language);
  buildMenu();
  createWindow();
  createTray();
  // Schedules run in this process while the app lives in the tray, unless the daemon (or another window) has them.
  const scheduler = await host.startScheduler({ owner: 'desktop' });
  schedulerNote = scheduler.started ? '' : scheduler.message;
  refreshTray();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // The tray keeps the app alive with no window; only Quit ends it.
  app.on('window-all-closed', () => {});
  app.on('will-quit', (e) => {
    if (!host) return;
    e.preventDefault();
    const closing = host;
    host = null;
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Koppel could not start', `${error instanceof Error ? error.message : String(error)}\n\nCheck that the data folder (${home || 'KOPPEL_HOME'}) is writable, then start Koppel again.`);
      quitting = true;
      app.exit(1);
    });
}
