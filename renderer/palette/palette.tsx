import type { DragEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeTypeInfo } from '../../host/contract';
import { useGraph } from '../store/graph.slice';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon, nodeIcon } from '../ui/icon';
import { NODE_DRAG_MIME, groupCatalog } from './palette-groups';

let addSeq = 0;

function PaletteItem({ info, disabled }: { info: NodeTypeInfo; disabled: boolean }) {
  const { t } = useTranslation();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(NODE_DRAG_MIME, info.type);
    e.dataTransfer.setData('text/plain', info.title);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className={`palette-item cat-${info.category}`}
        draggable={!disabled}
        disabled={disabled}
        onDragStart={onDragStart}
        onClick={() => useUi.setState({ addRequest: { type: info.type, seq: ++addSeq } })}
        title={info.description}
        data-testid={`palette-${info.type}`}
      >
        <span className="palette-icon">
          <Icon name={nodeIcon(info.icon, info.category)} size={15} />
        </span>
        <span className="palette-text">
          {/* The name starts "Add node: <title>" and still holds all visible text (WCAG 2.5.3 label in name). */}
          <span className="sr-only">{t('palette.add', { title: info.title })}</span>
          <span className="palette-title" aria-hidden="true">
            {info.title}
          </span>
          <span className="palette-desc">{info.description}</span>
        </span>
      </button>
    </li>
  );
}

/** The node types, grouped Triggers / Visma.net / CCV Shop / Logic / Transform; drag onto the canvas or click. */
export function Palette() {
  const { t } = useTranslation();
  const catalog = useWorkspace((s) => s.catalog);
  const search = useUi((s) => s.paletteSearch);
  const hasFlow = useGraph((s) => s.meta !== null);
  const groups = useMemo(() => groupCatalog(catalog, search), [catalog, search]);
  return (
    <section className="palette" aria-labelledby="palette-heading">
      <div className="panel-heading">
        <h2 id="palette-heading">{t('palette.heading')}</h2>
      </div>
      <div className="search-box">
        <Icon name="search" size={14} />
        <input type="search" value={search} placeholder={t('palette.search')} aria-label={t('palette.search')} onChange={(e) => useUi.setState({ paletteSearch: e.target.value })} />
      </div>
      {!hasFlow ? <p className="muted small pad">{t('palette.openFirst')}</p> : null}
      {/* Focusable and named: keyboard users must be able to scroll the long list (axe scrollable-region-focusable). */}
      <div className="palette-groups" role="region" aria-labelledby="palette-heading" tabIndex={0}>
        {groups.map((g) => (
          <div key={g.category} className="palette-group" role="group" aria-labelledby={`palette-group-${g.category}`}>
            <h3 id={`palette-group-${g.category}`}>{t(`category.${g.category}`)}</h3>
            <ul>
              {g.items.map((info) => (
                <PaletteItem key={info.type} info={info} disabled={!hasFlow} />
              ))}
            </ul>
          </div>
        ))}
        {groups.length === 0 && catalog.length > 0 ? <p className="muted small pad">{t('palette.noMatch')}</p> : null}
      </div>
    </section>
  );
}
