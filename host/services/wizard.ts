import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseFlow } from '../../engine/index';
import type { FlowDocument } from '../../engine/flow/schema';
import type { Json } from '../../engine/json';
import type { NodeCatalog } from '../../engine/types';
import type { ChannelOutput, WizardAnswers } from '../contract';
import { HostError } from '../errors';
import type { BindingsService } from './bindings';
import type { FlowsService } from './flows';
import { exists, readText } from './flow-files';

type Kind = WizardAnswers['flows'][number];
type Created = ChannelOutput<'wizard.createFlows'>['flows'][number];

/** The example file each choice starts from (flows-examples/). */
export function templateFile(kind: Kind, answers: Pick<WizardAnswers, 'orders'>): string {
  if (kind === 'orders') return `orders-${answers.orders?.document ?? 'sales-orders'}.flow.json`;
  return `${kind}.flow.json`;
}

/** Node types whose params the answers fill; other nodes keep the example's params. */
const ORDER_FETCH = 'ccv.fetchOrders';
const ORDER_STATUS = 'ccv.updateOrderStatus';
const CUSTOMER = 'visma.upsertCustomer';
const POSTERS = new Set(['visma.postSalesOrder', 'visma.postCustomerInvoice', 'visma.postJournalTransaction']);
const STOCK_FETCH = 'visma.fetchStock';

function setParams(flow: FlowDocument, match: (type: string) => boolean, patch: Record<string, Json | undefined>): void {
  for (const node of flow.nodes) {
    if (!match(node.type)) continue;
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) node.params[k] = v;
  }
}

/** Writes the answers into a copy of the example flow: node params and value table rows. */
export function applyAnswers(flow: FlowDocument, kind: Kind, a: WizardAnswers): void {
  const homeCountry = a.homeCountry;
  setParams(flow, (t) => t === CUSTOMER || POSTERS.has(t), { homeCountry });
  if (kind === 'orders' && a.orders) {
    const o = a.orders;
    setParams(flow, (t) => t === ORDER_FETCH, { statuses: o.statuses, paid: o.paid });
    setParams(flow, (t) => t === 'visma.postSalesOrder', { orderType: o.orderType?.trim() || undefined });
    setParams(flow, (t) => POSTERS.has(t), { defaultCustomer: o.defaultCustomer?.trim() });
    if (o.statusAfter === null) flow.nodes = flow.nodes.map((n) => (n.type === ORDER_STATUS ? { ...n, disabled: true } : n));
    else if (o.statusAfter !== undefined) {
      setParams(flow, (t) => t === ORDER_STATUS, { status: o.statusAfter });
      flow.nodes = flow.nodes.map((n) => (n.type === ORDER_STATUS ? { ...n, disabled: false } : n));
    }
  }
  if (kind === 'stock' && a.stock) setParams(flow, (t) => t === STOCK_FETCH, { warehouses: a.stock.warehouses, figure: a.stock.figure });
  // Only tables the example already has: a flow that does not use a table should not grow one.
  for (const [name, rows] of Object.entries(a.tables ?? {})) {
    const table = flow.tables[name];
    if (!table || !rows) continue;
    table.rows = { ...table.rows, ...rows };
  }
}

/** A new flow id from the example's: unique per call, valid for the flow schema (letter first, at most 64). */
function newId(base: string): string {
  return `${base.slice(0, 50)}-${randomUUID().slice(0, 8)}`;
}

export function createWizardService(deps: {
  catalog: NodeCatalog;
  flows: Pick<FlowsService, 'save' | 'validate'>;
  bindings: Pick<BindingsService, 'set'>;
  connectionType: (id: string) => string;
  examplesDir: string;
}) {
  const check = (id: string, type: 'visma-net' | 'ccv-shop', field: string) => {
    const actual = deps.connectionType(id);
    if (actual !== type) throw new HostError('invalid-input', `${field}: connection '${id}' is a ${actual} connection; choose a ${type} connection.`);
  };

  return {
    async createFlows(answers: WizardAnswers): Promise<{ flows: Created[] }> {
      check(answers.vismaConnectionId, 'visma-net', 'vismaConnectionId');
      check(answers.ccvConnectionId, 'ccv-shop', 'ccvConnectionId');
      const kinds = [...new Set(answers.flows)];
      // Build and check every flow before saving any, so a bad answer leaves the library as it was.
      const built: { kind: Kind; flow: FlowDocument }[] = [];
      for (const kind of kinds) {
        const file = path.join(deps.examplesDir, templateFile(kind, answers));
        if (!(await exists(file))) throw new HostError('not-found', `The example flow ${file} for "${kind}" is missing. Reinstall Koppel or restore the flows-examples folder.`);
        const template = parseFlow(await readText(file), deps.catalog);
        if (!template.ok) throw new HostError('failed', `The example flow ${file} cannot be read: ${template.problems.map((p) => p.message).join('; ')}`);
        const flow = structuredClone(template.flow);
        flow.id = newId(template.flow.id);
        flow.name = `${answers.namePrefix ?? ''}${template.flow.name}`;
        applyAnswers(flow, kind, answers);
        const checked = parseFlow(flow, deps.catalog);
        // Params are checked by validation (parsing only reads the document); slots are bound after saving.
        const problems = checked.ok ? deps.flows.validate(checked.flow).filter((p) => p.severity === 'error' && p.nodeId !== undefined) : checked.problems;
        if (!checked.ok || problems.length > 0) {
          const p = problems[0];
          throw new HostError('invalid-input', `The answers do not fit the ${kind} flow${p?.nodeId ? ` (step ${p.nodeId}${p.field ? `, ${p.field}` : ''})` : ''}: ${p?.message ?? 'invalid'}. ${p?.fix ?? ''}`.trim());
        }
        built.push({ kind, flow: checked.flow });
      }
      const out: Created[] = [];
      for (const { kind, flow } of built) {
        // A fresh id: never a file that is there already (save refuses to replace one without a revision).
        const { path: saved } = await deps.flows.save(undefined, flow);
        for (const [slot, spec] of Object.entries(flow.connections)) {
          deps.bindings.set(flow.id, slot, spec.type === 'visma-net' ? answers.vismaConnectionId : answers.ccvConnectionId);
        }
        out.push({ kind, path: saved, flowId: flow.id, name: flow.name });
      }
      return { flows: out };
    },
  };
}
export type WizardService = ReturnType<typeof createWizardService>;
