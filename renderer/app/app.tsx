import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { FlowCanvas } from '../canvas/flow-canvas';
import { ConnectionsScreen } from '../connections/connections-screen';
import { Inspector } from '../inspector/inspector';
import { FlowLibrary } from '../library/flow-library';
import { Palette } from '../palette/palette';
import { useGraph } from '../store/graph.slice';
import { useUi } from '../store/ui.slice';
import { Toolbar } from '../toolbar/toolbar';
import { Toasts } from '../ui/toasts';
import { DashboardScreen } from '../dashboard/dashboard-screen';
import { HistoryScreen } from '../history/history-screen';
import { SchedulesScreen } from '../schedules/schedules-screen';
import { SettingsScreen } from '../settings/settings-screen';
import { WizardScreen } from '../wizard/wizard-screen';
import { AppNav } from './app-nav';
import { BottomPanel } from './bottom-panel';
import { Dialogs } from './dialogs';
import { useAppEffects } from './use-app-effects';
import { Welcome } from './welcome';

export function App() {
  const { t } = useTranslation();
  useAppEffects();
  const view = useUi((s) => s.view);
  const hasFlow = useGraph((s) => s.meta !== null);
  return (
    <ReactFlowProvider>
      <div className="app">
        <a className="skip-link" href="#canvas-region">
          {t('common.skipToCanvas')}
        </a>
        <Toolbar />
        <AppNav />
        {view === 'connections' ? (
          <ConnectionsScreen />
        ) : view === 'dashboard' ? (
          <DashboardScreen />
        ) : view === 'history' ? (
          <HistoryScreen />
        ) : view === 'schedules' ? (
          <SchedulesScreen />
        ) : view === 'settings' ? (
          <SettingsScreen />
        ) : view === 'wizard' ? (
          <WizardScreen />
        ) : (
          <div className="workspace">
            <nav className="sidebar" aria-label={t('sidebar.label')}>
              <FlowLibrary />
              <Palette />
            </nav>
            <main className="center-area" id="canvas-region" aria-label={t('canvas.label')} tabIndex={-1}>
              {hasFlow ? <FlowCanvas /> : <Welcome />}
              {hasFlow ? <BottomPanel /> : null}
            </main>
            <Inspector />
          </div>
        )}
        <Dialogs />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
