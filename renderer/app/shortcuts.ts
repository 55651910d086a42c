import type { MenuCommandName } from '../../host/contract';

/**
 * Commands reachable from the keyboard and menus: every desktop menu command (the contract's list, so the command
 * switch fails to compile when the menu gains one it does not handle) plus the clipboard keys.
 */
export type AppCommand = MenuCommandName | 'copy' | 'paste' | 'cut' | 'selectAll';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Commands that must leave text fields alone: there the keys mean text editing. */
const TEXT_EDITING: ReadonlySet<AppCommand> = new Set(['undo', 'redo', 'copy', 'paste', 'cut', 'selectAll']);

/**
 * Keyboard → command, mirroring the menu (Ctrl on Windows/Linux, Cmd on macOS). Delete/Backspace are left to
 * the canvas, which removes the selection itself.
 */
export function matchShortcut(e: KeyInput, isMac: boolean, inTextField: boolean): AppCommand | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  let cmd: AppCommand | null = null;
  if (k === 'Enter') cmd = e.shiftKey ? 'dryRun' : 'run';
  else if (k === 's') cmd = e.shiftKey ? 'saveAs' : 'save';
  else if (k === 'z') cmd = e.shiftKey ? 'redo' : 'undo';
  else if (k === 'y' && !e.shiftKey) cmd = 'redo';
  else if (k === 'c' && !e.shiftKey) cmd = 'copy';
  else if (k === 'v' && !e.shiftKey) cmd = 'paste';
  else if (k === 'x' && !e.shiftKey) cmd = 'cut';
  else if (k === 'a' && !e.shiftKey) cmd = 'selectAll';
  else if (k === 'n' && !e.shiftKey) cmd = 'new';
  else if (k === 'o' && !e.shiftKey) cmd = 'open';
  else if (k === 'e' && !e.shiftKey) cmd = 'export';
  else if (k === 'i' && !e.shiftKey) cmd = 'import';
  else if (k === '.' && !e.shiftKey) cmd = 'stop';
  else if (k === 'l' && e.shiftKey) cmd = 'autoLayout';
  if (cmd && inTextField && TEXT_EDITING.has(cmd)) return null;
  return cmd;
}

/** The accelerator text shown in tooltips. */
export function shortcutLabel(cmd: AppCommand, isMac: boolean): string | undefined {
  const m = isMac ? '⌘' : 'Ctrl+';
  const labels: Partial<Record<AppCommand, string>> = {
    new: `${m}N`,
    open: `${m}O`,
    save: `${m}S`,
    saveAs: `${m}Shift+S`,
    export: `${m}E`,
    import: `${m}I`,
    run: `${m}Enter`,
    dryRun: `${m}Shift+Enter`,
    stop: `${m}.`,
    undo: `${m}Z`,
    redo: isMac ? '⌘Shift+Z' : 'Ctrl+Y',
    copy: `${m}C`,
    paste: `${m}V`,
    autoLayout: `${m}Shift+L`,
  };
  return labels[cmd];
}
