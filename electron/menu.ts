import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandName } from '../host/contract';
import type { MenuLabels } from './menu-labels';

export interface MenuActions {
  /** Sends a command to the renderer. */
  send: (command: MenuCommandName) => void;
  /** Native dialogs live in the main process; they end in a command with a path. */
  open: () => void;
  saveAs: () => void;
  quit: () => void;
}

/**
 * The application menu. Shortcuts the renderer handles itself (it also runs in a browser) are shown but not
 * registered (`registerAccelerator: false`), so one key press never fires twice. Cut/copy/paste keep their
 * native roles so text fields work everywhere, including macOS.
 */
export function buildMenuTemplate(labels: MenuLabels, actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommandName, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => actions.send(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: labels.file,
      submenu: [
        cmd(labels.newFlow, 'new', 'CmdOrCtrl+N'),
        { label: labels.open, accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: () => actions.open() },
        { type: 'separator' },
        cmd(labels.save, 'save', 'CmdOrCtrl+S'),
        { label: labels.saveAs, accelerator: 'CmdOrCtrl+Shift+S', registerAccelerator: false, click: () => actions.saveAs() },
        { type: 'separator' },
        cmd(labels.export, 'export', 'CmdOrCtrl+E'),
        cmd(labels.import, 'import', 'CmdOrCtrl+I'),
        { type: 'separator' },
        cmd(labels.connections, 'connections'),
        ...(isMac ? [] : [{ type: 'separator' } as const, { label: labels.quit, accelerator: 'Ctrl+Q', click: () => actions.quit() }]),
      ],
    },
    {
      label: labels.edit,
      submenu: [
        cmd(labels.undo, 'undo', 'CmdOrCtrl+Z'),
        cmd(labels.redo, 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: labels.run,
      submenu: [cmd(labels.runFlow, 'run', 'CmdOrCtrl+Enter'), cmd(labels.dryRun, 'dryRun', 'CmdOrCtrl+Shift+Enter'), cmd(labels.stop, 'stop', 'CmdOrCtrl+.')],
    },
    {
      label: labels.view,
      submenu: [cmd(labels.autoLayout, 'autoLayout', 'CmdOrCtrl+Shift+L'), cmd(labels.zoomFit, 'zoomFit'), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  );
  return template;
}

/** Tray menu: show/hide the window and quit (schedules keep running while the window is hidden). */
export function buildTrayTemplate(labels: MenuLabels, visible: boolean, actions: { toggle: () => void; quit: () => void }): MenuItemConstructorOptions[] {
  return [{ label: visible ? labels.hide : labels.show, click: () => actions.toggle() }, { type: 'separator' }, { label: labels.quit.replace('&', ''), click: () => actions.quit() }];
}
