import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { RunsTable } from '../dashboard/runs-table';
import { useLoad } from '../dashboard/use-load';
import { useHistory } from './history-store';
import { KeyTimeline } from './key-timeline';
import { RunDetail } from './run-detail';
import { keyCandidates, timelineView } from './timeline-model';
import type { TimelineView } from './timeline-model';

/** Finds a key's timeline, trying "order 10234" as typed and then "10234". */
async function findTimeline(query: string): Promise<TimelineView> {
  const candidates = keyCandidates(query);
  let first: TimelineView | null = null;
  for (const key of candidates) {
    const view = timelineView(await getKoppel().invoke('records.timeline', { key, limit: 200 }));
    if (view.runs.length > 0) return view;
    first ??= view;
  }
  return first ?? { key: query, runs: [], parkedIn: [] };
}

function RecentRuns() {
  const { t } = useTranslation();
  const { data } = useLoad(() => getKoppel().invoke('runs.list', { limit: 50 }), t('errors.runs'), 'recent');
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('history.recentRuns')}</h2>
      {data ? <RunsTable runs={data} /> : <p className="muted">{t('ops.loading')}</p>}
    </section>
  );
}

/** Past runs, one run in detail, or one business key's timeline (searched from the header). */
export function HistoryScreen() {
  const { t } = useTranslation();
  const runId = useHistory((s) => s.runId);
  const query = useHistory((s) => s.query);
  const searchSeq = useHistory((s) => s.searchSeq);
  const [view, setView] = useState<TimelineView | null>(null);
  const [reloadSeq, setReloadSeq] = useState(0);
  useEffect(() => {
    if (!query) {
      setView(null);
      return;
    }
    let live = true;
    findTimeline(query).then(
      (v) => {
        if (live) setView(v);
      },
      (e: unknown) => reportError(t('ops.errors.timeline'), e),
    );
    return () => {
      live = false;
    };
  }, [query, searchSeq, reloadSeq, t]);
  const back = () => useHistory.setState({ runId: null });
  return (
    <main className="ops-screen" aria-labelledby="history-heading" data-testid="history">
      <div className="ops-head">
        <h1 id="history-heading">{t('history.heading')}</h1>
        {runId || query ? (
          <button type="button" className="button" onClick={() => (runId ? back() : useHistory.setState({ query: '' }))}>
            {t('history.back')}
          </button>
        ) : null}
      </div>
      {runId ? <RunDetail runId={runId} /> : query ? view ? <KeyTimeline view={view} onChanged={() => setReloadSeq((s) => s + 1)} /> : <p className="muted">{t('ops.loading')}</p> : <RecentRuns />}
    </main>
  );
}
