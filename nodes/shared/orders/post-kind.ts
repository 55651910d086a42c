import type { z } from 'zod';
import type { VismaClient } from '../../../connectors/visma-net/index';
import type { JsonObject, LogLevel } from '../../../engine';
import type { DocumentPlan } from './document-plan';
import type { PostOrderParams } from './post-params';
import { recordProblem } from '../messages';
import type { RecordMessageCode } from '../messages';
import type { VatBook } from './vat-book';
import type { CentMode, RoundingParams } from './cent-exact';

export type DocumentTarget = 'sales order' | 'customer invoice' | 'journal transaction';

/** What a look-up by reference needs; known before the whole document is planned. */
export interface LookupBasics {
  key: string;
  reference: string;
  /** Undefined for a customer that a dry run would create (it has no documents yet). */
  customerNumber: string | undefined;
  /** Document date `YYYY-MM-DD`. */
  date: string;
}

export interface KindContext {
  client: VismaClient;
  signal: AbortSignal;
  vat: VatBook;
  log: (level: LogLevel, message: string, key: string) => void;
}

/** One document type: how to build it from a plan, find it by reference and post it. */
export interface PostKind<P extends PostOrderParams> {
  /** Ledger scope of the id map and write intents. */
  scope: string;
  target: DocumentTarget;
  /** Whether the lines carry Visma.net items (then items are checked before posting). */
  needsItems: boolean;
  /** Whether the document names a carrier (ship via). */
  usesCarrier: boolean;
  /**
   * How the document is made to total what the customer paid where Visma.net's own VAT differs by a cent
   * (cent-exact.ts); undefined for documents that book their VAT themselves (journals).
   */
  centCorrection?(p: P): { mode: CentMode; rounding: RoundingParams };
  build(plan: DocumentPlan, p: P, k: KindContext): Promise<JsonObject>;
  /** Checks the document against the connector's input schema (also in dry runs); throws a RecordProblem. */
  validate(doc: JsonObject, key: string): void;
  /**
   * The document with this reference in Visma.net, as the id Koppel keeps (e.g. SO/000123). `fresh` asks for a
   * look-up that trusts nothing read earlier in the run (after an interrupted write).
   */
  find(basics: LookupBasics, p: P, k: KindContext, fresh: boolean): Promise<string | undefined>;
  /** Posts; `findExisting` is the same look-up, used by the connector after a failure in transit. */
  create(doc: JsonObject, basics: LookupBasics, p: P, k: KindContext, findExisting: () => Promise<string | undefined>): Promise<string>;
  /** Follow-up after a successful post (e.g. release); a failure here is logged, the document stays. */
  after?(id: string, p: P, k: KindContext, key: string): Promise<void>;
}

/** Per document type, because the document's name is a word of the message. */
const REFUSED: Record<DocumentTarget, RecordMessageCode> = {
  'sales order': 'order.refusedSalesOrder',
  'customer invoice': 'order.refusedCustomerInvoice',
  'journal transaction': 'order.refusedJournalTransaction',
};

/** Checks a planned document against the connector's input schema; a mistake names the field. */
export function asInput<S extends z.ZodType>(schema: S, doc: JsonObject, what: DocumentTarget, key: string): z.output<S> {
  const parsed = schema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => {
    if (i.code === 'unrecognized_keys') return `${i.keys.map((k) => `'${[...i.path, k].join('.')}'`).join(', ')} is not a field Visma.net knows`;
    return `'${i.path.join('.') || what}': ${i.message}`;
  });
  throw recordProblem(REFUSED[what], { key, detail: issues.join('; ') }, 'document');
}

/** Leaves out undefined values so documents stay readable in logs and dry runs. */
export function clean(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? clean(Object.fromEntries(Object.entries(x))) : typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? x : null));
    else if (typeof v === 'object') out[k] = clean(Object.fromEntries(Object.entries(v)));
  }
  return out;
}
