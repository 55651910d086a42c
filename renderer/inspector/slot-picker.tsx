import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { bindSlot } from '../app/commands';
import { newSlotName } from '../canvas/node-ids';
import * as graph from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import type { SlotType } from '../../host/contract';
import type { FlowMeta } from '../canvas/types';

const NO_SLOTS: FlowMeta['connections'] = {};

/** Which connection on this machine fills a slot (a local binding, never written into the flow file). */
export function BindingSelect({ slot, slotType, label }: { slot: string; slotType: SlotType; label: string }) {
  const { t } = useTranslation();
  const id = useId();
  const connections = useWorkspace((s) => s.connections);
  const bound = useWorkspace((s) => s.bindings[slot]);
  const fitting = connections.filter((c) => c.type === slotType);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="select-row">
        <select id={id} value={bound ?? ''} onChange={(e) => void bindSlot(slot, e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('slots.unbound')}</option>
          {fitting.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.demo ? ` (${t('connections.demo')})` : ''}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={() => useUi.setState({ view: 'connections' })}>
          {t('slots.manage')}
        </button>
      </div>
      {!bound ? <span className="field-hint warn">{fitting.length > 0 ? t('slots.bindHint') : t('slots.addConnectionHint', { type: t(`slotType.${slotType}`) })}</span> : null}
    </div>
  );
}

/** The slot a node uses: one of the flow's slots of the right type, or a new one. */
export function SlotPicker({ nodeId, slotType, value }: { nodeId: string; slotType: SlotType; value: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const slots = useGraph((s) => s.meta?.connections ?? NO_SLOTS);
  const fitting = Object.entries(slots).filter(([, s]) => s.type === slotType);
  const addSlot = () => {
    const meta = useGraph.getState().meta;
    if (!meta) return;
    const name = newSlotName(slotType, new Set(Object.keys(meta.connections)));
    graph.updateMeta({ connections: { ...meta.connections, [name]: { type: slotType } } });
    graph.updateNodeData(nodeId, { connection: name });
  };
  return (
    <div className="slot-picker">
      <div className="field">
        <label htmlFor={id}>{t('slots.slot', { type: t(`slotType.${slotType}`) })}</label>
        <div className="select-row">
          <select id={id} value={value ?? ''} onChange={(e) => graph.updateNodeData(nodeId, e.target.value === '' ? { connection: undefined } : { connection: e.target.value })}>
            <option value="">{t('slots.none')}</option>
            {fitting.map(([name, s]) => (
              <option key={name} value={name}>
                {s.title ? `${name} — ${s.title}` : name}
              </option>
            ))}
            {value && !fitting.some(([n]) => n === value) ? <option value={value}>{t('slots.missing', { slot: value })}</option> : null}
          </select>
          <button type="button" className="button button-small" onClick={addSlot}>
            {t('slots.new')}
          </button>
        </div>
      </div>
      {value && fitting.some(([n]) => n === value) ? <BindingSelect slot={value} slotType={slotType} label={t('slots.connection', { slot: value })} /> : null}
    </div>
  );
}
