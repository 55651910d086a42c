import { VismaApiError } from '../../../connectors/visma-net/index';
import type { VismaClient } from '../../../connectors/visma-net/index';
import { ExpressionError, contentHash, isJsonObject, itemMeta, textOf, toJsonValue } from '../../../engine';
import { DEFAULT_REFERENCE_PREFIX } from '../../../connectors/ccv-shop/index';
import { stopsTheStep } from '../../../connectors/common/index';
import { steps, writeBatches } from '../batch-writer';
import type { Journal, WriteResult } from '../batch-writer';
import type { CompiledExpression, Item, Json, NodeContext, NodeInputs, PortBatch } from '../../../engine';
import { plannedChanges } from './changes';
import { buildPlan, localDate, orderMoment } from './document-plan';
import type { PlanInputs } from './document-plan';
import { orderReference, readOrder } from './order-input';
import type { ShopOrder } from './order-input';
import type { KindContext, LookupBasics, PostKind } from './post-kind';
import type { PostOrderParams } from './post-params';
import { ItemChecker, checkVatRates } from './preflight';
import { messageOf } from './problem';
import { expressionProblem, recordProblem } from '../messages';
import type { RecordMessageCode } from '../messages';
import type { DocumentTarget } from './post-kind';
import { VatBook } from './vat-book';
import { centCorrection, correctionNote, correctionSummary } from './cent-exact';


/** Per document type, because the document's name is a word of the message. */
const NOT_POSTED: Record<DocumentTarget, RecordMessageCode> = {
  'sales order': 'order.notPostedSalesOrder',
  'customer invoice': 'order.notPostedCustomerInvoice',
  'journal transaction': 'order.notPostedJournalTransaction',
};

interface Compiled {
  customerNumber: CompiledExpression;
  sku: CompiledExpression;
  description: CompiledExpression;
  shippingMethod: CompiledExpression;
}

async function evaluate(expr: CompiledExpression, input: Json, key: string, field: string): Promise<string | undefined> {
  try {
    return textOf(await expr.evaluate(input, { key }, key));
  } catch (err) {
    if (err instanceof ExpressionError) throw expressionProblem(err, field);
    throw err;
  }
}

/** The step's own prefix, else the prefix of the shop the order came from (ccv.fetchOrders stamps it). */
export function referencePrefixOf(item: Item, p: PostOrderParams): string {
  return p.referencePrefix.trim() || (itemMeta(item).origin?.referencePrefix ?? DEFAULT_REFERENCE_PREFIX);
}

/** The customer number from the expression, else the default customer; undefined for a customer a dry run creates. */
async function customerNumberOf(item: Item, c: Compiled, p: PostOrderParams, dryRun: boolean): Promise<string | undefined> {
  const number = (await evaluate(c.customerNumber, item.json, item.key, 'customerNumber')) ?? (p.defaultCustomer.trim() || undefined);
  if (number) return number;
  const planned = isJsonObject(item.json.vismaCustomer) && item.json.vismaCustomer.number === null;
  if (dryRun && planned) return undefined;
  throw recordProblem('order.noCustomer', { key: item.key }, 'customerNumber');
}

async function planInputs(shop: ShopOrder, item: Item, c: Compiled, customerNumber: string | undefined, needsItems: boolean): Promise<PlanInputs> {
  const skus: (string | undefined)[] = [];
  if (needsItems) for (const row of shop.rows) skus.push(await evaluate(c.sku, toJsonValue(row) ?? null, item.key, 'sku'));
  return {
    customerNumber,
    skus,
    shippingMethod: (await evaluate(c.shippingMethod, shop.json, item.key, 'shippingMethod')) ?? 'shipping',
    description: (await evaluate(c.description, shop.json, item.key, 'description')) ?? item.key,
  };
}

/**
 * The run of every "post order" node: per order, skip it when it was sent before (ledger, then Visma.net by its
 * reference), plan the document with every check done, and post it between `beginWrite` and `completeWrite`. An
 * intent left by a run that died mid-post is resolved by looking the reference up before anything is sent again.
 */
export async function* runPostOrders<P extends PostOrderParams>(ctx: NodeContext<P, VismaClient>, inputs: NodeInputs, kind: PostKind<P>): AsyncIterable<PortBatch> {
  const p = ctx.params;
  const label = ctx.nodeName ?? ctx.nodeId;
  const client = ctx.client;
  const c: Compiled = {
    customerNumber: ctx.expr.compile(p.customerNumber, `'Customer number' of '${label}'`),
    sku: ctx.expr.compile(p.sku, `'Item number of a row' of '${label}'`),
    description: ctx.expr.compile(p.description, `'Document text' of '${label}'`),
    shippingMethod: ctx.expr.compile(p.shippingMethod, `'Shipping method' of '${label}'`),
  };
  const k: KindContext = { client, signal: ctx.signal, vat: new VatBook(client, ctx.signal), log: (level, message, key) => ctx.log(level, message, { key }) };
  const items = new ItemChecker(client, ctx.signal);

  const skip = (item: Item, shop: ShopOrder, reference: string, id: string, reason: string): WriteResult => ({
    action: 'skipped',
    targetId: id,
    reason,
    passOn: { key: item.key, json: { ...shop.json, visma: { document: kind.target, id, reference, action: 'skipped' } } },
  });

  const handle = async (item: Item, journal: Journal): Promise<WriteResult> => {
    const shop = readOrder(item);
    const reference = orderReference(shop.order, referencePrefixOf(item, p));
    const known = ctx.ledger.getMapping(kind.scope, reference);
    if (known) return skip(item, shop, reference, known.targetId, `already sent as ${kind.target} ${known.targetId}`);

    const customerNumber = await customerNumberOf(item, c, p, ctx.dryRun);
    const basics: LookupBasics = { key: item.key, reference, customerNumber, date: localDate(orderMoment(item.key, shop.order.create_date), p.timeZone) };
    const pending = ctx.ledger.pendingWrite(kind.scope, reference);
    if (pending || p.lookupBeforePosting) {
      const found = await kind.find(basics, p, k, pending !== undefined);
      if (found) {
        journal.settle(kind.scope, reference, found, pending?.hash ?? '');
        const why = pending ? 'an earlier run was stopped while posting it' : 'it was posted before';
        return skip(item, shop, reference, found, `found in Visma.net as ${kind.target} ${found} (${why})`);
      }
    }

    const plan = buildPlan(shop, item.key, reference, await planInputs(shop, item, c, customerNumber, kind.needsItems), p, ctx.tables, { items: kind.needsItems, carrier: kind.usesCarrier });
    if (p.checkVatRates) await checkVatRates(plan, k.vat, { zone: p.vatZoneTable, code: p.vatCodeTable });
    const cents = kind.centCorrection?.(p);
    if (cents) {
      plan.correction = await centCorrection(plan, k.vat, cents.mode, cents.rounding);
      if (plan.correction.kind === 'rounding-line') plan.lines.push(plan.correction.line);
    }
    // After the correction: a rounding line's item is checked with the others.
    if (kind.needsItems && p.checkItems) await items.check(plan);
    const doc = await kind.build(plan, p, k);
    kind.validate(doc, item.key);
    const note = correctionNote(plan, plan.correction, kind.target);
    if (note) ctx.log('info', note, { key: item.key });
    const correction = correctionSummary(plan.correction);

    if (ctx.dryRun) {
      return { action: 'created', changes: plannedChanges(doc), sent: doc, passOn: { key: item.key, json: { ...shop.json, visma: { document: kind.target, id: null, reference, action: 'planned', body: doc, correction } } } };
    }
    // When nobody knows whether it landed, the intent stays: the next run looks the reference up first.
    const id = await journal.write(kind.scope, reference, contentHash(doc), () => kind.create(doc, basics, p, k, () => kind.find(basics, p, k, true)), (created) => created);
    await kind.after?.(id, p, k, item.key);
    return { action: 'created', targetId: id, sent: doc, passOn: { key: item.key, json: { ...shop.json, visma: { document: kind.target, id, reference, action: 'created', correction } } } };
  };

  // Failures of one order read as the order's: which document could not be posted, and why. Connection-wide
  // failures (stopsTheStep) stop the step, as in every writing step.
  const run = async (item: Item, journal: Journal): Promise<WriteResult> => {
    try {
      return await handle(item, journal);
    } catch (error) {
      if (error instanceof VismaApiError && !stopsTheStep(error)) throw recordProblem(NOT_POSTED[kind.target], { key: item.key, detail: messageOf(error) });
      throw error;
    }
  };
  // One order at a time: orders of one customer and one period share look-ups.
  yield* writeBatches(ctx, inputs.in, steps(run), { target: kind.target, service: 'Visma.net', concurrency: 1 });
}
