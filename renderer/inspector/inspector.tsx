import { useTranslation } from 'react-i18next';
import * as graph from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { useSelection } from '../store/selection.slice';
import { Icon } from '../ui/icon';
import { FlowSettings } from './flow-settings';
import { NodeInspector } from './node-inspector';

/** Right-hand panel: the selected node, several nodes, or the flow's own settings. */
export function Inspector() {
  const { t } = useTranslation();
  const meta = useGraph((s) => s.meta);
  const selected = useSelection((s) => s.nodeIds);
  const firstId = selected.length === 1 ? selected[0] : undefined;
  const node = useGraph((s) => (firstId ? s.nodes.find((n) => n.id === firstId) : undefined));
  let body = null;
  if (!meta) body = <p className="muted pad">{t('inspector.noFlow')}</p>;
  else if (node) body = <NodeInspector key={node.id} node={node} />;
  else if (selected.length > 1)
    body = (
      <div className="inspector-body">
        <p className="pad">{t('inspector.multi', { count: selected.length })}</p>
        <div className="inspector-actions">
          <button type="button" className="button danger" onClick={() => graph.deleteSelection()}>
            <Icon name="trash" size={14} /> {t('inspector.deleteSelection')}
          </button>
        </div>
      </div>
    );
  else body = <FlowSettings meta={meta} />;
  return (
    <aside className="inspector" aria-label={t('inspector.heading')}>
      {body}
    </aside>
  );
}
