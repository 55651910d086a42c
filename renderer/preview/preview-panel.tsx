import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useSelection } from '../store/selection.slice';
import { useWorkspace } from '../store/workspace.slice';
import { sampleTable } from './sample-model';

/** A sample of the items the selected node produced in the last run, per output port, as a table or JSON. */
export function PreviewPanel() {
  const { t } = useTranslation();
  const selected = useSelection((s) => s.nodeIds);
  const nodes = useGraph((s) => s.nodes);
  const samples = useRun((s) => s.samples);
  const samplesRunId = useRun((s) => s.samplesRunId);
  const catalogIndex = useWorkspace((s) => s.catalogIndex);
  const [nodePick, setNodePick] = useState('');
  const [portPick, setPortPick] = useState('');
  const [asJson, setAsJson] = useState(false);
  const nodeId = selected.length === 1 ? (selected[0] ?? '') : nodePick || nodes[0]?.id || '';
  const node = nodes.find((n) => n.id === nodeId);
  const ports = samples?.[nodeId] ?? {};
  const portNames = Object.keys(ports);
  const port = portNames.includes(portPick) ? portPick : (portNames.find((p) => p !== 'error') ?? portNames[0] ?? '');
  const items = useMemo(() => ports[port] ?? [], [ports, port]);
  const table = useMemo(() => sampleTable(items), [items]);

  if (!samples) return <p className="muted pad">{t('preview.noRun')}</p>;
  return (
    <div className="preview">
      <div className="panel-toolbar">
        {selected.length === 1 ? (
          <strong>{node?.data.name || catalogIndex[node?.data.type ?? '']?.title || nodeId}</strong>
        ) : (
          <select aria-label={t('preview.node')} value={nodeId} onChange={(e) => setNodePick(e.target.value)}>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.data.name || catalogIndex[n.data.type]?.title || n.id} ({n.id})
              </option>
            ))}
          </select>
        )}
        {portNames.length > 0 ? (
          <div className="segmented" role="group" aria-label={t('preview.port')}>
            {portNames.map((p) => (
              <button key={p} type="button" aria-pressed={p === port} className={p === port ? 'is-on' : undefined} onClick={() => setPortPick(p)}>
                {p} <span className="muted">({ports[p]?.length ?? 0})</span>
              </button>
            ))}
          </div>
        ) : null}
        <span className="spacer" />
        <div className="segmented" role="group" aria-label={t('preview.view')}>
          <button type="button" aria-pressed={!asJson} className={!asJson ? 'is-on' : undefined} onClick={() => setAsJson(false)}>
            {t('preview.table')}
          </button>
          <button type="button" aria-pressed={asJson} className={asJson ? 'is-on' : undefined} onClick={() => setAsJson(true)}>
            JSON
          </button>
        </div>
        <span className="muted small">{t('preview.fromRun', { runId: (samplesRunId ?? '').slice(0, 8) })}</span>
      </div>
      {items.length === 0 ? (
        <p className="muted pad">{t('preview.noItems')}</p>
      ) : asJson ? (
        <pre className="json-view" tabIndex={0} aria-label={t('preview.jsonLabel', { port })}>
          {JSON.stringify(items, null, 2)}
        </pre>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table" aria-label={t('preview.tableLabel', { port, node: nodeId })}>
            <thead>
              <tr>
                <th scope="col">{t('preview.key')}</th>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={`${r.key}-${i}`}>
                  <th scope="row">{r.key}</th>
                  {r.cells.map((c, j) => (
                    <td key={j} title={c}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
