import { z } from 'zod';
import { jsonSchema } from '../json';

/** Current flow-file format version; older files are migrated on load (see migrate.ts). */
export const FLOW_FORMAT_VERSION = 2;

export const slotTypeSchema = z.enum(['visma-net', 'ccv-shop']);
export type SlotType = z.infer<typeof slotTypeSchema>;

const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'Use letters, digits, "-" or "_", starting with a letter (at most 64).');

export const connectionSlotSchema = z.strictObject({
  type: slotTypeSchema,
  title: z.string().optional(),
});

export const flowNodeSchema = z.strictObject({
  id: idSchema,
  type: z.string().min(1),
  version: z.number().int().positive(),
  name: z.string().optional(),
  /** Name of a slot in `connections` that this node talks to. */
  connection: z.string().optional(),
  disabled: z.boolean().optional(),
  params: z.record(z.string(), jsonSchema),
});
export type FlowNode = z.infer<typeof flowNodeSchema>;

export const edgeEndSchema = z.strictObject({ node: z.string(), port: z.string() });
export const flowEdgeSchema = z.strictObject({ from: edgeEndSchema, to: edgeEndSchema });
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

/** A value-mapping table (VAT code per country, payment method per pay method, ...), callable from JSONata. */
export const valueTableSchema = z.strictObject({
  description: z.string().optional(),
  /** Returned for keys not in `rows`; absent = a missing mapping is an error naming the key. */
  default: jsonSchema.optional(),
  rows: z.record(z.string(), jsonSchema),
});
export type ValueTable = z.infer<typeof valueTableSchema>;

export const flowSettingsSchema = z.strictObject({
  /** Records per batch handed between nodes. */
  batchSize: z.number().int().min(1).max(5000).default(100),
  /** Payload logging in the ledger. */
  payloadLogging: z.enum(['off', 'redacted', 'full']).default('redacted'),
  /** Stop the whole run at the first failed record instead of routing it to the error port. */
  stopOnError: z.boolean().default(false),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

export const layoutSchema = z.strictObject({
  nodes: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).default({}),
  viewport: z.strictObject({ x: z.number(), y: z.number(), zoom: z.number() }).optional(),
});

export const flowDocumentSchema = z.strictObject({
  koppel: z.literal(FLOW_FORMAT_VERSION),
  id: idSchema,
  name: z.string().min(1),
  description: z.string().default(''),
  connections: z.record(z.string(), connectionSlotSchema).default({}),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default([]),
  tables: z.record(z.string(), valueTableSchema).default({}),
  settings: flowSettingsSchema.default({ batchSize: 100, payloadLogging: 'redacted', stopOnError: false }),
  layout: layoutSchema.default({ nodes: {} }),
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
