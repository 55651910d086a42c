import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidNodeId } from '../canvas/node-ids';
import { collectFieldPaths, upstreamSamples } from '../preview/sample-model';
import * as graph from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon, nodeIcon } from '../ui/icon';
import { ProblemLocation } from '../ui/problem-location';
import { FieldRow } from './field-control';
import { FormContext } from './form-context';
import { describeSchema } from './schema-form-model';
import { SlotPicker } from './slot-picker';
import type { KoppelNode } from '../canvas/types';

function NodeIdField({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(nodeId);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(nodeId);
    setError(null);
  }, [nodeId]);
  const apply = () => {
    if (text === nodeId) return;
    if (!isValidNodeId(text)) return setError(t('inspector.idInvalid'));
    if (!graph.renameNode(nodeId, text)) return setError(t('inspector.idTaken', { id: text }));
    setError(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('inspector.nodeId')}</label>
      <input id={id} className="mono" type="text" value={text} aria-invalid={error ? true : undefined} onChange={(e) => setText(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      {error ? <span className="field-error">{error}</span> : <p className="field-desc">{t('inspector.idHelp')}</p>}
    </div>
  );
}

/** Long node descriptions start folded to three lines. */
function Description({ text }: { text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = text.length > 180;
  return (
    <>
      <p className={long && !open ? 'muted small clamp-3' : 'muted small'}>{text}</p>
      {long ? (
        <button type="button" className="link-button small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('inspector.less') : t('inspector.more')}
        </button>
      ) : null}
    </>
  );
}

/** The selected node: name, slot, and the form generated from its params schema. */
export function NodeInspector({ node }: { node: KoppelNode }) {
  const { t } = useTranslation();
  const nameId = useId();
  const info = useWorkspace((s) => s.catalogIndex[node.data.type]);
  const bindings = useWorkspace((s) => s.bindings);
  const problems = useGraph((s) => s.problems);
  const edges = useGraph((s) => s.edges);
  const samples = useRun((s) => s.samples);
  const fields = useMemo(() => (info ? describeSchema(info.paramsSchema) : []), [info]);
  const fieldPaths = useMemo(() => collectFieldPaths(upstreamSamples(samples, edges, node.id).map((s) => s.json)), [samples, edges, node.id]);
  const nodeProblems = problems.filter((p) => p.nodeId === node.id);
  const connectionId = node.data.connection ? bindings[node.data.connection] : undefined;
  const ctx = useMemo(() => ({ nodeId: node.id, connectionId, fieldPaths }), [node.id, connectionId, fieldPaths]);
  const params = node.data.params;

  return (
    <div className="inspector-body">
      <header className={`inspector-head cat-${info?.category ?? 'unknown'}`}>
        <span className="knode-icon">
          <Icon name={nodeIcon(info?.icon ?? '', info?.category ?? '')} />
        </span>
        <div>
          <h2>{node.data.name || info?.title || node.data.type}</h2>
          <Description text={info ? info.description : t('node.unknownType', { type: node.data.type })} />
        </div>
      </header>
      {nodeProblems.length > 0 ? (
        <ul className="problem-list" aria-label={t('inspector.problems')}>
          {nodeProblems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`}>
              <Icon name="warning" size={14} />
              <div>
                <strong>{p.field ? `${p.field}: ` : ''}</strong>
                <ProblemLocation problem={p} />
                {p.message}
                {p.fix ? <div className="muted small">{p.fix}</div> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <section className="inspector-section" aria-label={t('inspector.general')}>
        <div className="field">
          <label htmlFor={nameId}>{t('inspector.name')}</label>
          <input id={nameId} type="text" value={node.data.name ?? ''} placeholder={info?.title} onChange={(e) => graph.updateNodeData(node.id, { name: e.target.value === '' ? undefined : e.target.value }, `name:${node.id}`)} />
        </div>
        <NodeIdField nodeId={node.id} />
        <div className="field field-inline">
          <input id={`${nameId}-disabled`} type="checkbox" role="switch" className="toggle" checked={node.data.disabled === true} onChange={(e) => graph.updateNodeData(node.id, { disabled: e.target.checked ? true : undefined })} />
          <label htmlFor={`${nameId}-disabled`}>{t('inspector.disabled')}</label>
        </div>
        {info?.connection ? <SlotPicker nodeId={node.id} slotType={info.connection} value={node.data.connection} /> : null}
      </section>
      {fields.length > 0 ? (
        <section className="inspector-section" aria-label={t('inspector.settings')}>
          <h3>{t('inspector.settings')}</h3>
          <FormContext.Provider value={ctx}>
            {fields.map((f) => (
              <FieldRow key={`${node.id}:${f.key}`} field={f} value={params[f.key]} onChange={(v) => graph.setNodeParam(node.id, f.key, v)} />
            ))}
          </FormContext.Provider>
        </section>
      ) : null}
      <div className="inspector-actions">
        <button type="button" className="button" onClick={() => useUi.setState({ bottomTab: 'preview' })}>
          <Icon name="table" size={14} /> {t('inspector.showData')}
        </button>
        <button type="button" className="button danger" onClick={() => graph.deleteSelection()}>
          <Icon name="trash" size={14} /> {t('inspector.deleteNode')}
        </button>
      </div>
    </div>
  );
}
