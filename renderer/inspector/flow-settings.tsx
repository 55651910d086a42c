import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as graph from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { Icon } from '../ui/icon';
import { KeyValueEditor, uniqueKey } from './keyvalue-editor';
import { BindingSelect } from './slot-picker';
import type { FlowMeta } from '../canvas/types';

function Slots({ meta }: { meta: FlowMeta }) {
  const { t } = useTranslation();
  const nodes = useGraph((s) => s.nodes);
  const entries = Object.entries(meta.connections);
  if (entries.length === 0) return <p className="muted small">{t('flowSettings.noSlots')}</p>;
  return (
    <ul className="slot-list">
      {entries.map(([name, slot]) => {
        const users = nodes.filter((n) => n.data.connection === name).length;
        return (
          <li key={name} className="slot-item">
            <div className="slot-head">
              <Icon name="plug" size={14} />
              <strong>{name}</strong>
              <span className="muted small">{t(`slotType.${slot.type}`)}</span>
              <span className="muted small">{t('flowSettings.usedBy', { count: users })}</span>
              <button
                type="button"
                className="icon-button danger"
                disabled={users > 0}
                aria-label={t('flowSettings.removeSlot', { slot: name })}
                title={users > 0 ? t('flowSettings.slotInUse') : t('flowSettings.removeSlot', { slot: name })}
                onClick={() => {
                  const next = { ...meta.connections };
                  delete next[name];
                  graph.updateMeta({ connections: next });
                }}
              >
                <Icon name="trash" size={14} />
              </button>
            </div>
            <BindingSelect slot={name} slotType={slot.type} label={t('slots.connection', { slot: name })} />
          </li>
        );
      })}
    </ul>
  );
}

function Tables({ meta }: { meta: FlowMeta }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const setTables = (tables: FlowMeta['tables'], key?: string) => graph.updateMeta({ tables }, key);
  return (
    <div className="tables">
      {Object.entries(meta.tables).map(([name, table]) => (
        <details key={name} className="table-item" open={open === name} onToggle={(e) => e.currentTarget.open && setOpen(name)}>
          <summary>
            <Icon name="table" size={14} /> <span className="mono">{name}</span> <span className="muted small">{t('flowSettings.rows', { count: Object.keys(table.rows).length })}</span>
          </summary>
          <div className="field">
            <label htmlFor={`tbl-${name}-desc`}>{t('flowSettings.tableDescription')}</label>
            <input id={`tbl-${name}-desc`} type="text" value={table.description ?? ''} onChange={(e) => setTables({ ...meta.tables, [name]: { ...table, description: e.target.value || undefined } }, `tdesc:${name}`)} />
          </div>
          <div className="field">
            <label htmlFor={`tbl-${name}-default`}>{t('flowSettings.tableDefault')}</label>
            <input
              id={`tbl-${name}-default`}
              type="text"
              value={table.default === undefined ? '' : typeof table.default === 'string' ? table.default : JSON.stringify(table.default)}
              placeholder={t('flowSettings.tableNoDefault')}
              onChange={(e) => {
                const { default: _old, ...rest } = table;
                setTables({ ...meta.tables, [name]: e.target.value === '' ? rest : { ...rest, default: e.target.value } }, `tdef:${name}`);
              }}
            />
          </div>
          <KeyValueEditor label={name} value={table.rows} keyLabel={t('flowSettings.tableKey')} valueLabel={t('flowSettings.tableValue')} onChange={(rows) => setTables({ ...meta.tables, [name]: { ...table, rows } }, `trows:${name}`)} />
          <p className="muted small">{t('flowSettings.tableUsage', { name })}</p>
          <button
            type="button"
            className="button button-small danger"
            onClick={() => {
              const next = { ...meta.tables };
              delete next[name];
              setTables(next);
            }}
          >
            <Icon name="trash" size={14} /> {t('flowSettings.removeTable', { name })}
          </button>
        </details>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const name = uniqueKey(meta.tables, 'table');
          setTables({ ...meta.tables, [name]: { rows: {} } });
          setOpen(name);
        }}
      >
        <Icon name="plus" size={14} /> {t('flowSettings.addTable')}
      </button>
    </div>
  );
}

/** With nothing selected the inspector shows the flow itself: name, run settings, slots and value tables. */
export function FlowSettings({ meta }: { meta: FlowMeta }) {
  const { t } = useTranslation();
  const id = useId();
  const s = meta.settings;
  return (
    <div className="inspector-body">
      <header className="inspector-head">
        <span className="knode-icon">
          <Icon name="file" />
        </span>
        <div>
          <h2>{t('flowSettings.heading')}</h2>
          <p className="muted small">{t('flowSettings.hint')}</p>
        </div>
      </header>
      <section className="inspector-section" aria-label={t('flowSettings.general')}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('flowSettings.name')}</label>
          <input id={`${id}-name`} type="text" value={meta.name} onChange={(e) => graph.updateMeta({ name: e.target.value }, 'flow-name')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>{t('flowSettings.description')}</label>
          <textarea id={`${id}-desc`} rows={2} value={meta.description} onChange={(e) => graph.updateMeta({ description: e.target.value }, 'flow-desc')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-batch`}>{t('flowSettings.batchSize')}</label>
          <input
            id={`${id}-batch`}
            type="number"
            min={1}
            max={5000}
            value={s.batchSize}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n) && n >= 1 && n <= 5000) graph.updateMeta({ settings: { ...s, batchSize: n } }, 'flow-batch');
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-payload`}>{t('flowSettings.payloadLogging')}</label>
          <select
            id={`${id}-payload`}
            value={s.payloadLogging}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'off' || v === 'redacted' || v === 'full') graph.updateMeta({ settings: { ...s, payloadLogging: v } });
            }}
          >
            <option value="off">{t('flowSettings.payload.off')}</option>
            <option value="redacted">{t('flowSettings.payload.redacted')}</option>
            <option value="full">{t('flowSettings.payload.full')}</option>
          </select>
        </div>
        <div className="field field-inline">
          <input id={`${id}-stop`} type="checkbox" role="switch" className="toggle" checked={s.stopOnError} onChange={(e) => graph.updateMeta({ settings: { ...s, stopOnError: e.target.checked } })} />
          <label htmlFor={`${id}-stop`}>{t('flowSettings.stopOnError')}</label>
        </div>
      </section>
      <section className="inspector-section" aria-labelledby={`${id}-slots`}>
        <h3 id={`${id}-slots`}>{t('flowSettings.slots')}</h3>
        <p className="muted small">{t('flowSettings.slotsHint')}</p>
        <Slots meta={meta} />
      </section>
      <section className="inspector-section" aria-labelledby={`${id}-tables`}>
        <h3 id={`${id}-tables`}>{t('flowSettings.tables')}</h3>
        <Tables meta={meta} />
      </section>
    </div>
  );
}
