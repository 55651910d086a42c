import { isConflict } from '../api/host-call';
import { getKoppel } from '../api/koppel-api';
import { i18n } from '../i18n/i18n';
import type { Language } from '../store/ui.slice';
import { closeDialog, setBusy, toast, useUi } from '../store/ui.slice';
import * as graph from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { reportError } from './errors';
import { watchRun } from './run-events';
import type { AppCommand } from './shortcuts';
import { refreshBindings, refreshConnections, refreshFlows } from './workspace-loader';
import { emptyRunState } from '../runs/run-state';
import type { ConfirmAction, SaveConflict } from '../store/ui.slice';

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);

export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
}

/** Opens a flow from the library (or a path from the desktop Open dialog). */
export async function openFlow(path: string): Promise<void> {
  try {
    const { path: opened, flow, revision } = await getKoppel().invoke('flows.open', { path });
    graph.loadFlow(opened, flow, revision);
    useRun.setState({ ...emptyRunState, source: 'live', samples: null, samplesRunId: null });
    useUi.setState({ view: 'editor', fitRequest: useUi.getState().fitRequest + 1 });
    await refreshBindings();
    await loadLastSamples(flow.id);
  } catch (e) {
    reportError(t('errors.open'), e);
  }
}

/**
 * The flow's last run: still running (e.g. a schedule, or started before a reload) → follow it live, so Stop
 * works; finished → its samples feed the data preview and expression completion.
 */
async function loadLastSamples(flowId: string): Promise<void> {
  try {
    const [last] = await getKoppel().invoke('runs.list', { flowId, limit: 1 });
    if (last?.status === 'running') watchRun(last.runId, flowId, last.dryRun);
    else if (last) await loadSamples(last.runId);
  } catch {
    // No history yet is normal; the preview simply stays empty.
  }
}

export async function loadSamples(runId: string): Promise<void> {
  try {
    const samples = await getKoppel().invoke('runs.samples', { runId });
    useRun.setState({ samples, samplesRunId: runId });
  } catch (e) {
    reportError(t('errors.samples'), e);
  }
}

export async function createFlow(name: string): Promise<void> {
  try {
    const { path, flow, revision } = await getKoppel().invoke('flows.create', { name });
    closeDialog();
    graph.loadFlow(path, flow, revision);
    useRun.setState({ ...emptyRunState, source: 'live', samples: null, samplesRunId: null });
    useUi.setState({ view: 'editor' });
    await Promise.all([refreshFlows(), refreshBindings()]);
  } catch (e) {
    reportError(t('errors.create'), e);
  }
}

function showSaveConflict(conflict: SaveConflict): void {
  useUi.setState({ dialog: { kind: 'saveConflict', conflict } });
}

/**
 * Saves the open flow to its file (or to `path`, from the desktop Save As dialog). The host refuses to replace a
 * file that changed on disk since it was opened here; then the person chooses (`resolveSaveConflict`).
 * `overwrite`: the person already chose to replace the file (Keep mine, or the native dialog's confirmation).
 */
export async function saveFlow(path?: string, opts: { overwrite?: boolean } = {}): Promise<boolean> {
  const flow = graph.currentDocument();
  if (!flow) return false;
  const s = useGraph.getState();
  const target = path ?? s.path;
  // The revision is that of the file that was opened: it goes back only with a save to that same file.
  const revision = target !== undefined && target === s.path ? s.fileRevision : undefined;
  setBusy('save', true);
  try {
    const res = await getKoppel().invoke('flows.save', {
      ...(target !== undefined ? { path: target } : {}),
      flow,
      ...(revision !== undefined ? { revision } : {}),
      ...(opts.overwrite ? { overwrite: true } : {}),
    });
    graph.markSaved(res.path, res.revision);
    toast('success', t('toast.saved', { name: flow.name }));
    await refreshFlows();
    return true;
  } catch (e) {
    if (isConflict(e) && target !== undefined) {
      showSaveConflict(revision !== undefined ? { reason: 'changed', path: target } : { reason: 'exists', file: target, retry: { kind: 'save', path: target } });
    } else reportError(t('errors.save'), e);
    return false;
  } finally {
    setBusy('save', false);
  }
}

/** Save As in web mode: a copy under a new name and id in the library (never over another file unless chosen). */
export async function saveFlowAs(name: string, opts: { overwrite?: boolean } = {}): Promise<void> {
  const flow = graph.currentDocument();
  if (!flow) return;
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
  const id = slug || `flow-${Date.now().toString(36)}`;
  try {
    const res = await getKoppel().invoke('flows.save', { flow: { ...flow, name, id }, ...(opts.overwrite ? { overwrite: true } : {}) });
    const opened = await getKoppel().invoke('flows.open', { path: res.path });
    closeDialog();
    graph.loadFlow(opened.path, opened.flow, opened.revision);
    toast('success', t('toast.saved', { name }));
    await Promise.all([refreshFlows(), refreshBindings()]);
  } catch (e) {
    if (isConflict(e)) showSaveConflict({ reason: 'exists', file: `${id}.flow.json`, retry: { kind: 'saveAs', name } });
    else reportError(t('errors.save'), e);
  }
}

/**
 * The person's answer to a refused save. `reload`: open the file as it is on disk now (the edits here are
 * dropped). `overwrite`: save again, replacing the file on disk with this version.
 */
export async function resolveSaveConflict(conflict: SaveConflict, choice: 'reload' | 'overwrite'): Promise<void> {
  closeDialog();
  if (conflict.reason === 'changed') {
    if (choice === 'reload') await openFlow(conflict.path);
    else await saveFlow(conflict.path, { overwrite: true });
    return;
  }
  if (choice !== 'overwrite') return;
  if (conflict.retry.kind === 'save') await saveFlow(conflict.retry.path, { overwrite: true });
  else await saveFlowAs(conflict.retry.name, { overwrite: true });
}

export function download(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportFlow(): Promise<void> {
  const flow = graph.currentDocument();
  if (!flow) return;
  try {
    const { fileName, text } = await getKoppel().invoke('flows.export', { flow });
    download(fileName, text);
    toast('info', t('toast.exported', { fileName }));
  } catch (e) {
    reportError(t('errors.export'), e);
  }
}

export async function startRun(dryRun: boolean): Promise<void> {
  const s = useGraph.getState();
  const flow = graph.currentDocument();
  if (!flow) return;
  if (useRun.getState().running && useRun.getState().flowId === flow.id) return;
  setBusy('run', true);
  try {
    const { runId } = await getKoppel().invoke('runs.start', { flow, dryRun, ...(s.path ? { path: s.path } : {}) });
    watchRun(runId, flow.id, dryRun);
    useUi.setState({ bottomTab: dryRun ? 'changes' : 'log' });
  } catch (e) {
    reportError(t(dryRun ? 'errors.dryRun' : 'errors.run'), e);
  } finally {
    setBusy('run', false);
  }
}

export async function stopRun(): Promise<void> {
  const { runId, running } = useRun.getState();
  if (!runId || !running) return;
  try {
    await getKoppel().invoke('runs.stop', { runId });
  } catch (e) {
    reportError(t('errors.stop'), e);
  }
}

export async function setLanguage(language: Language): Promise<void> {
  useUi.setState({ language });
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    await getKoppel().invoke('settings.setLanguage', { language });
  } catch (e) {
    reportError(t('errors.language'), e);
  }
}

export async function bindSlot(slot: string, connectionId: string | null): Promise<void> {
  const flowId = useGraph.getState().meta?.id;
  if (!flowId) return;
  try {
    await getKoppel().invoke('bindings.set', { flowId, slot, connectionId });
    await refreshBindings();
  } catch (e) {
    reportError(t('errors.bind'), e);
  }
}

export async function setupDemo(): Promise<void> {
  setBusy('demo', true);
  try {
    const res = await getKoppel().invoke('demo.setup', {});
    closeDialog();
    await Promise.all([refreshFlows(), refreshConnections()]);
    toast('success', t('toast.demoReady', { count: res.flows.length }));
    const first = res.flows[0];
    if (first) await openFlow(first);
  } catch (e) {
    reportError(t('errors.demo'), e);
  } finally {
    setBusy('demo', false);
  }
}

/** Asks first when the open flow has unsaved changes. */
function guardUnsaved(action: ConfirmAction, proceed: () => void): void {
  if (useGraph.getState().dirty) useUi.setState({ dialog: { kind: 'confirm', action } });
  else proceed();
}

export function requestOpenFlow(path: string): void {
  if (path === useGraph.getState().path) return;
  guardUnsaved({ kind: 'openFlow', path }, () => void openFlow(path));
}

/** Runs a confirmed action. */
export async function confirmAction(action: ConfirmAction): Promise<void> {
  closeDialog();
  switch (action.kind) {
    case 'openFlow':
      return openFlow(action.path);
    case 'newFlow':
      useUi.setState({ dialog: { kind: 'newFlow' } });
      return;
    case 'import':
      useUi.setState({ dialog: { kind: 'import', stage: 'pick' } });
      return;
    case 'deleteFlow':
      try {
        await getKoppel().invoke('flows.delete', { path: action.path });
        if (useGraph.getState().path === action.path) graph.closeFlow();
        toast('info', t('toast.deleted', { name: action.name }));
        await refreshFlows();
      } catch (e) {
        reportError(t('errors.delete'), e);
      }
      return;
    case 'removeConnection':
      try {
        await getKoppel().invoke('connections.remove', { id: action.id });
        toast('info', t('toast.connectionRemoved', { name: action.name }));
        await Promise.all([refreshConnections(), refreshBindings()]);
      } catch (e) {
        reportError(t('errors.removeConnection'), e);
      }
      return;
  }
}

function focusLibrary(): void {
  document.getElementById('flow-library-search')?.focus();
}

/** Every toolbar button, menu entry and shortcut ends here. */
export async function runCommand(cmd: AppCommand, arg?: { path?: string }): Promise<void> {
  const inText = isTextField(document.activeElement);
  const hasFlow = useGraph.getState().meta !== null;
  switch (cmd) {
    case 'new':
      return guardUnsaved({ kind: 'newFlow' }, () => useUi.setState({ dialog: { kind: 'newFlow' } }));
    case 'open':
      if (arg?.path) return requestOpenFlow(arg.path);
      useUi.setState({ view: 'editor' });
      return focusLibrary();
    case 'save':
      if (hasFlow) await saveFlow();
      return;
    case 'saveAs':
      if (!hasFlow) return;
      if (arg?.path) {
        // The native Save As dialog already asked before replacing an existing file.
        await saveFlow(arg.path, { overwrite: true });
        return;
      }
      useUi.setState({ dialog: { kind: 'saveAs' } });
      return;
    case 'export':
      return hasFlow ? exportFlow() : undefined;
    case 'import':
      return guardUnsaved({ kind: 'import' }, () => useUi.setState({ dialog: { kind: 'import', stage: 'pick' } }));
    case 'run':
      return hasFlow ? startRun(false) : undefined;
    case 'dryRun':
      return hasFlow ? startRun(true) : undefined;
    case 'stop':
      return stopRun();
    case 'undo':
      if (inText) document.execCommand('undo');
      else graph.undo();
      return;
    case 'redo':
      if (inText) document.execCommand('redo');
      else graph.redo();
      return;
    case 'copy':
      graph.copy();
      return;
    case 'cut':
      graph.cut();
      return;
    case 'paste':
      graph.paste();
      return;
    case 'selectAll':
      graph.selectAll();
      return;
    case 'autoLayout':
      if (!hasFlow) return;
      graph.layoutAll();
      useUi.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
      return;
    case 'zoomFit':
      useUi.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
      return;
    case 'connections':
      useUi.setState({ view: 'connections' });
      return;
  }
  // Every command returns above: a command added to the menu (the contract's list) and not handled fails here.
  const unhandled: never = cmd;
  return unhandled;
}
