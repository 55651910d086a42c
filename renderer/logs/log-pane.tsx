import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../app/errors';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { toast, useUi } from '../store/ui.slice';
import { Icon } from '../ui/icon';
import { LOG_LEVELS, filterLogs, logText, shortTime } from './log-model';
import type { LogFilter } from './log-model';

const ROW_HEIGHT = 22;

function setFilter(patch: Partial<LogFilter>): void {
  useUi.setState((s) => ({ logFilter: { ...s.logFilter, ...patch } }));
}

/** The live log: virtualised, filterable by level, node and record key, with follow mode and copy. */
export function LogPane() {
  const { t } = useTranslation();
  const lines = useRun((s) => s.logs);
  const dropped = useRun((s) => s.droppedLines);
  const filter = useUi((s) => s.logFilter);
  const follow = useUi((s) => s.followLog);
  const nodes = useGraph((s) => s.nodes);
  const shown = useMemo(() => filterLogs(lines, filter), [lines, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const programmatic = useRef(false);

  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  // Follow mode: jump to the end after each batch. Setting scrollTop once is far cheaper than the
  // virtualizer's scrollToIndex, which measures repeatedly (it dominated profiles at 100,000 lines).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!follow || !el || shown.length === 0) return;
    const end = el.scrollHeight - el.clientHeight;
    if (Math.abs(el.scrollTop - end) < 1) return;
    programmatic.current = true;
    el.scrollTop = end;
  }, [follow, shown.length]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;
    if (atEnd !== follow) useUi.setState({ followLog: atEnd });
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(logText(shown));
      toast('info', t('log.copied', { count: shown.length }));
    } catch (e) {
      reportError(t('log.copyFailed'), e);
    }
  };

  return (
    <div className="log-pane">
      <div className="log-toolbar" role="toolbar" aria-label={t('log.filters')}>
        <div className="level-filters" role="group" aria-label={t('log.levels')}>
          {LOG_LEVELS.map((l) => (
            <label key={l} className={`level-chip level-${l}`}>
              <input type="checkbox" checked={filter.levels[l]} onChange={(e) => setFilter({ levels: { ...filter.levels, [l]: e.target.checked } })} />
              {t(`log.level.${l}`)}
            </label>
          ))}
        </div>
        <select aria-label={t('log.node')} value={filter.nodeId} onChange={(e) => setFilter({ nodeId: e.target.value })}>
          <option value="">{t('log.allNodes')}</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.data.name ? `${n.data.name} (${n.id})` : n.id}
            </option>
          ))}
        </select>
        <input type="search" className="log-key" placeholder={t('log.key')} aria-label={t('log.key')} value={filter.key} onChange={(e) => setFilter({ key: e.target.value })} />
        <input type="search" className="log-text" placeholder={t('log.text')} aria-label={t('log.text')} value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} />
        <span className="spacer" />
        <button type="button" className={follow ? 'button button-small is-on' : 'button button-small'} aria-pressed={follow} onClick={() => useUi.setState({ followLog: !follow })}>
          <Icon name="follow" size={14} /> {t('log.follow')}
        </button>
        <button type="button" className="icon-button" aria-label={t('log.copy')} title={`${t('log.copy')} — ${t('log.count', { shown: shown.length, total: lines.length })}`} onClick={() => void copy()} disabled={shown.length === 0}>
          <Icon name="copy" size={15} />
        </button>
        <button type="button" className="icon-button" aria-label={t('log.clear')} title={t('log.clear')} onClick={() => useRun.setState({ logs: [], droppedLines: 0 })} disabled={lines.length === 0}>
          <Icon name="trash" size={15} />
        </button>
      </div>
      <div className="log-scroller" ref={scroller} onScroll={onScroll} role="log" aria-label={t('log.heading')} aria-live="off" tabIndex={0} data-testid="log">
        {dropped > 0 ? <div className="log-dropped">{t('log.dropped', { count: dropped })}</div> : null}
        {shown.length === 0 ? <p className="muted small pad">{lines.length === 0 ? t('log.empty') : t('log.noneMatch')}</p> : null}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((v) => {
            const l = shown[v.index];
            if (!l) return null;
            return (
              <div key={l.seq} className={`log-line level-${l.level}`} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }} title={l.at}>
                <span className="log-time">{shortTime(l.at)}</span>
                <span className={`log-level level-${l.level}`}>{t(`log.level.${l.level}`)}</span>
                {l.nodeId ? (
                  <button type="button" className="log-node" onClick={() => setFilter({ nodeId: l.nodeId ?? '' })} title={t('log.filterNode')}>
                    {l.nodeId}
                  </button>
                ) : null}
                {l.key ? (
                  <button type="button" className="log-key-chip" onClick={() => setFilter({ key: l.key ?? '' })} title={t('log.filterKey')}>
                    {l.key}
                  </button>
                ) : null}
                <span className="log-message">{l.message}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
