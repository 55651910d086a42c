import { create } from 'zustand';
import type { ChannelOutput } from '../../host/contract';
import { defaultLogFilter } from '../logs/log-model';
import type { LogFilter } from '../logs/log-model';
import type { Language } from '../i18n/i18n';

export type { Language };

/** The screens of the app shell. */
export type View = 'editor' | 'dashboard' | 'history' | 'schedules' | 'connections' | 'settings' | 'wizard';

export type BottomTab = 'log' | 'problems' | 'preview' | 'changes' | 'runs';

/** What a confirmation leads to, as data (the command layer performs it). */
export type ConfirmAction =
  | { kind: 'openFlow'; path: string }
  | { kind: 'newFlow' }
  | { kind: 'deleteFlow'; path: string; name: string }
  | { kind: 'removeConnection'; id: string; name: string }
  | { kind: 'import' };

export type Dialog =
  | { kind: 'none' }
  | { kind: 'newFlow' }
  | { kind: 'saveAs' }
  | { kind: 'import'; stage: 'pick' }
  | { kind: 'import'; stage: 'review'; fileName: string; text: string; inspection: ChannelOutput<'flows.inspectImport'> }
  | { kind: 'confirm'; action: ConfirmAction }
  | { kind: 'saveConflict'; conflict: SaveConflict }
  | { kind: 'firstStart' };

/** A save to do again, overwriting what is on disk: the open flow to a path, or web Save As under a name. */
export type SaveRetry = { kind: 'save'; path: string } | { kind: 'saveAs'; name: string };

/**
 * A save the host refused (kind `conflict`), as data: `changed` when the open file changed on disk since it was
 * opened (offer reload or keep mine), `exists` when a new file would take the place of one that is there.
 */
export type SaveConflict = { reason: 'changed'; path: string } | { reason: 'exists'; file: string; retry: SaveRetry };

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
}

export interface UiState {
  view: View;
  bottomTab: BottomTab;
  dialog: Dialog;
  toasts: Toast[];
  language: Language;
  logFilter: LogFilter;
  followLog: boolean;
  paletteSearch: string;
  /** Bumped to ask the canvas to fit the view (it owns the React Flow instance). */
  fitRequest: number;
  /** A palette entry activated by keyboard or click: the canvas adds it at the centre of the view. */
  addRequest: { type: string; seq: number } | null;
  /** Which node's samples the preview shows ('' = the selected node). */
  previewPort: string;
  busy: Record<string, boolean>;
  /** A refused connection, shown over the canvas until the next interaction. */
  canvasNotice: string | null;
}

export const useUi = create<UiState>()(() => ({
  view: 'editor',
  bottomTab: 'log',
  dialog: { kind: 'none' },
  toasts: [],
  language: 'en',
  logFilter: defaultLogFilter,
  followLog: true,
  paletteSearch: '',
  fitRequest: 0,
  addRequest: null,
  previewPort: '',
  busy: {},
  canvasNotice: null,
}));

let toastSeq = 0;
export function toast(kind: Toast['kind'], message: string): void {
  const id = ++toastSeq;
  useUi.setState((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, message }] }));
}
export function dismissToast(id: number): void {
  useUi.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
export function setBusy(key: string, on: boolean): void {
  useUi.setState((s) => ({ busy: { ...s.busy, [key]: on } }));
}
export function closeDialog(): void {
  useUi.setState({ dialog: { kind: 'none' } });
}
