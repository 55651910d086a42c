import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon, nodeIcon } from '../ui/icon';
import type { KoppelNode } from './types';

interface PortView {
  name: string;
  title: string;
  description?: string;
}

/** Ports of a node whose type the catalogue does not know, guessed from its edges so they stay visible. */
function portsFromEdges(nodeId: string, edges: readonly { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }[]) {
  const inputs = new Set<string>();
  const outputs = new Set<string>();
  for (const e of edges) {
    if (e.target === nodeId && e.targetHandle) inputs.add(e.targetHandle);
    if (e.source === nodeId && e.sourceHandle) outputs.add(e.sourceHandle);
  }
  const view = (s: Set<string>): PortView[] => [...s].map((name) => ({ name, title: name }));
  return { inputs: view(inputs), outputs: view(outputs) };
}

/** The one node component: everything comes from the node type's catalogue entry. */
function KoppelNodeViewInner({ id, data, selected }: NodeProps<KoppelNode>) {
  const { t } = useTranslation();
  const info = useWorkspace((s) => s.catalogIndex[data.type]);
  const run = useRun((s) => s.nodes[id]);
  const dryRun = useRun((s) => s.dryRun);
  const allProblems = useGraph((s) => s.problems);
  const edges = useGraph((s) => s.edges);
  const bound = useWorkspace((s) => (data.connection ? s.bindings[data.connection] : undefined));
  const problems = useMemo(() => allProblems.filter((p) => p.nodeId === id), [allProblems, id]);
  const ports = useMemo(() => (info ? { inputs: info.inputs, outputs: info.outputs } : portsFromEdges(id, edges)), [info, id, edges]);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const title = data.name || info?.title || data.type;
  const status = run?.status;
  const counts = run?.counts;

  return (
    <div
      className={[
        'knode',
        `cat-${info?.category ?? 'unknown'}`,
        selected ? 'is-selected' : '',
        data.disabled ? 'is-disabled' : '',
        status ? `status-${status}` : '',
        errors.length > 0 ? 'has-errors' : '',
      ].join(' ')}
      data-testid={`node-${id}`}
    >
      <header className="knode-header">
        <span className="knode-icon">
          <Icon name={nodeIcon(info?.icon ?? '', info?.category ?? '')} size={15} />
        </span>
        <span className="knode-title" title={title}>
          {title}
        </span>
        {errors.length > 0 ? (
          <span className="badge badge-error" data-testid={`problems-${id}`} title={errors.map((p) => p.message).join('\n')} aria-label={t('node.errors', { count: errors.length })}>
            {errors.length}
          </span>
        ) : null}
        {warnings.length > 0 ? (
          <span className="badge badge-warning" title={warnings.map((p) => p.message).join('\n')} aria-label={t('node.warnings', { count: warnings.length })}>
            {warnings.length}
          </span>
        ) : null}
      </header>
      <div className="knode-sub">
        <span className="knode-id">{id}</span>
        {data.name && info ? <span className="knode-type">{info.title}</span> : null}
        {!info ? <span className="knode-unknown">{t('node.unknownType', { type: data.type })}</span> : null}
      </div>
      {info?.connection ? (
        <div className={bound ? 'knode-slot' : 'knode-slot is-unbound'} title={bound ? undefined : t('node.slotUnbound')}>
          <Icon name="plug" size={12} />
          <span>{data.connection ?? t('node.noSlot')}</span>
        </div>
      ) : null}
      <div className="knode-ports">
        <div className="knode-inputs">
          {ports.inputs.map((p) => (
            <div key={p.name} className="knode-port knode-port-in" title={p.description ?? p.title}>
              <Handle
                type="target"
                position={Position.Left}
                id={p.name}
                data-testid={`handle-${id}-${p.name}`}
                role="button"
                aria-label={t('node.inputPort', { port: p.title })}
              />
              <span>{p.title}</span>
            </div>
          ))}
        </div>
        <div className="knode-outputs">
          {ports.outputs.map((p) => (
            <div key={p.name} className={p.name === 'error' ? 'knode-port knode-port-out is-error' : 'knode-port knode-port-out'} title={p.description ?? p.title}>
              <span>{p.title}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={p.name}
                className={p.name === 'error' ? 'handle-error' : undefined}
                data-testid={`handle-${id}-${p.name}`}
                role="button"
                aria-label={t('node.outputPort', { port: p.title })}
              />
            </div>
          ))}
        </div>
      </div>
      {status ? (
        <footer className="knode-run" data-testid={`run-${id}`}>
          <span className={`status-pill status-${status}`} data-testid={`status-${id}`}>
            {t(`nodeStatus.${status}`)}
          </span>
          {counts ? (
            <span className="knode-counts" data-testid={`counts-${id}`} aria-label={t('node.countsLabel', { ...counts })}>
              <span title={t('counts.in')}>↓{counts.in}</span>
              <span title={t('counts.out')}>↑{counts.out}</span>
              {info?.writes ? (
                <>
                  <span className="c-created" title={t(dryRun ? 'counts.wouldCreate' : 'counts.created')}>
                    +{counts.created}
                  </span>
                  <span className="c-updated" title={t(dryRun ? 'counts.wouldUpdate' : 'counts.updated')}>
                    ~{counts.updated}
                  </span>
                </>
              ) : null}
              {counts.failed > 0 ? (
                <span className="c-failed" title={t('counts.failed')}>
                  ✕{counts.failed}
                </span>
              ) : null}
            </span>
          ) : null}
        </footer>
      ) : null}
      {run?.error ? (
        <div className="knode-error" role="note">
          {run.error}
        </div>
      ) : null}
    </div>
  );
}

export const KoppelNodeView = memo(KoppelNodeViewInner);
