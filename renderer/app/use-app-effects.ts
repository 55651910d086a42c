import { useEffect } from 'react';
import { getKoppel, onMenuCommand } from '../api/koppel-api';
import { i18n, normaliseLanguage } from '../i18n/i18n';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { isTextField, loadSamples, runCommand } from './commands';
import { reportError } from './errors';
import { subscribeRunEvents } from './run-events';
import { matchShortcut } from './shortcuts';
import { loadWorkspace } from './workspace-loader';
import * as graph from '../store/graph-actions';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Start-up, run events, menu commands, keyboard shortcuts, validation and samples after a run. */
export function useAppEffects(): void {
  useEffect(() => {
    loadWorkspace()
      .then(async () => {
        const info = useWorkspace.getState().appInfo;
        const language = normaliseLanguage(info?.language);
        useUi.setState({ language });
        document.documentElement.lang = language;
        await i18n.changeLanguage(language);
        if (info?.firstStart) useUi.setState({ dialog: { kind: 'firstStart' } });
      })
      .catch((e: unknown) => reportError(i18n.t('errors.load'), e));
    const offEvents = subscribeRunEvents();
    const offMenu = onMenuCommand((c) => void runCommand(c.command, c.path ? { path: c.path } : undefined));
    return () => {
      offEvents();
      offMenu();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (useUi.getState().dialog.kind !== 'none') return;
      const cmd = matchShortcut(e, isMac, isTextField(document.activeElement));
      if (!cmd) return;
      e.preventDefault();
      e.stopPropagation();
      void runCommand(cmd);
    };
    // Capture phase, so Ctrl+Enter runs the flow even inside the expression editor.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // Validate the document a moment after each change.
  const revision = useGraph((s) => s.revision);
  useEffect(() => {
    const flow = graph.currentDocument();
    if (!flow) return;
    let alive = true;
    const timer = setTimeout(() => {
      getKoppel()
        .invoke('flows.validate', { flow })
        .then((problems) => alive && useGraph.setState({ problems }))
        .catch(() => {
          // Validation is advisory; saving and running report real errors.
        });
    }, 350);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [revision]);

  // Bindings change what validation says about unfilled slots.
  const bindings = useWorkspace((s) => s.bindings);
  useEffect(() => {
    useGraph.setState((s) => ({ revision: s.revision + 1 }));
  }, [bindings]);

  // When a run ends, fetch its samples for the data preview and expression completion.
  const runId = useRun((s) => s.runId);
  const running = useRun((s) => s.running);
  const source = useRun((s) => s.source);
  useEffect(() => {
    if (runId && !running && source === 'live' && useRun.getState().status) void loadSamples(runId);
  }, [runId, running, source]);

  // The window title names the open flow and marks unsaved changes (the desktop title bar and the taskbar show it).
  const title = useGraph((s) => s.meta?.name);
  const dirty = useGraph((s) => s.dirty);
  useEffect(() => {
    document.title = title ? `${dirty ? '• ' : ''}${title} — Koppel` : 'Koppel';
  }, [title, dirty]);

  // Warn before closing the page with unsaved changes (web mode).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (useGraph.getState().dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
