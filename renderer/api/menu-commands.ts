/**
 * Commands the desktop menu sends to the renderer (mirrors `electron/channels.ts` MENU_COMMANDS; the renderer
 * may not import electron/, so the list is repeated here and kept equal by review and the e2e tests).
 */
export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'export', 'import', 'run', 'dryRun', 'stop', 'undo', 'redo', 'connections', 'autoLayout', 'zoomFit'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];

export interface MenuCommand {
  command: MenuCommandName;
  /** A file the main process picked in a native dialog (Open, Save As). */
  path?: string;
}

export function isMenuCommandName(v: unknown): v is MenuCommandName {
  return typeof v === 'string' && MENU_COMMANDS.some((c) => c === v);
}
