/**
 * The one typed contract between the UI and the app services. Electron exposes it as `window.koppel` through
 * IPC; `koppel serve` exposes it over HTTP + WebSocket. The renderer imports only this file.
 * Every input is validated with these schemas on the host side before a handler runs; envelopes, error kinds and
 * push channels (run events, menu commands) are in `contract-transport.ts`, re-exported here.
 */
import { z } from 'zod';
import { OPTION_KINDS, WIDGETS, type UiHints, type Widget } from '../engine/flow/ui-hints';

export { OPTION_KINDS, WIDGETS, type UiHints, type Widget };
// Schema modules only (zod, no Node): this file is bundled into the renderer and the sandboxed preload.
import { flowDocumentSchema, slotTypeSchema } from '../engine/flow/schema';
import { problemSchema } from '../engine/flow/problems';
import { runEventSchema, recordReportSchema } from '../engine/run/events';
import { jsonObjectSchema } from '../engine/json';
import { opsContract, runOverviewSchema, wizardContract } from './contract-ops';
import type { Envelope, PushChannel, PushPayload } from './contract-transport';

export { flowDocumentSchema, problemSchema, runEventSchema, slotTypeSchema };
export * from './contract-ops';
export * from './contract-transport';
export type { FlowDocument, SlotType } from '../engine/flow/schema';
export type { Problem } from '../engine/flow/problems';
export type { Counts, RunEvent, RunState, LogLine, RecordReport } from '../engine/run/events';
export { runStateSchema } from '../engine/run/events';

/** The languages the UI, the menus and the schedule descriptions speak. */
export const languageSchema = z.enum(['en', 'de', 'nl']);
export type Language = z.infer<typeof languageSchema>;
export const LANGUAGES = languageSchema.options;

/** Desktop app (Electron) or browser (`koppel serve`). */
export const appModeSchema = z.enum(['desktop', 'web']);
export type AppMode = z.infer<typeof appModeSchema>;

export const portSchema = z.object({ name: z.string(), title: z.string(), description: z.string().optional() });

/** A node type as the renderer sees it: params as JSON Schema with UI hints, so no React code per node. */
export const nodeTypeInfoSchema = z.object({
  type: z.string(),
  version: z.number(),
  title: z.string(),
  category: z.enum(['trigger', 'visma', 'ccv', 'logic', 'transform']),
  description: z.string(),
  icon: z.string(),
  connection: slotTypeSchema.optional(),
  inputs: z.array(portSchema),
  outputs: z.array(portSchema),
  writes: z.boolean(),
  paramsSchema: jsonObjectSchema,
  defaults: jsonObjectSchema,
});
export type NodeTypeInfo = z.infer<typeof nodeTypeInfoSchema>;

/**
 * A flow file as it was read or written: a hash of its bytes. `flows.save` takes back the one the editor opened
 * and refuses (kind `conflict`) when the file on disk has changed since.
 */
export const revisionSchema = z.string().min(1);

/** A flow opened from, or just written to, its file. */
export const openedFlowSchema = z.object({ path: z.string(), flow: flowDocumentSchema, revision: revisionSchema });

export const flowSummarySchema = z.object({
  path: z.string(),
  /** Absent when the file could not be read. */
  revision: revisionSchema.optional(),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  updatedAt: z.string(),
  slots: z.record(z.string(), slotTypeSchema),
  problems: z.number(),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const connectionSchema = z.object({
  id: z.string(),
  type: slotTypeSchema,
  name: z.string(),
  /** Non-secret settings: Visma clientId, tenantId, base URLs; CCV baseUrl, publicKey. */
  settings: z.record(z.string(), z.string()),
  hasSecret: z.boolean(),
  demo: z.boolean().default(false),
});
export type Connection = z.infer<typeof connectionSchema>;

/** A run in a list: the dashboard's overview without the error text. */
export const runSummarySchema = runOverviewSchema.omit({ error: true });
export type RunSummary = z.infer<typeof runSummarySchema>;

/** A record outcome as the ledger keeps it for one run. */
export const recordRowSchema = z.object({ runId: z.string(), ...recordReportSchema.shape, at: z.string() });
export type RecordRow = z.infer<typeof recordRowSchema>;

export const itemSampleSchema = z.object({ key: z.string(), json: jsonObjectSchema });

export const optionKindSchema = z.enum(OPTION_KINDS);
export const optionSchema = z.object({ value: z.string(), label: z.string() });

const empty = z.object({});
const ok = z.object({ ok: z.literal(true) });

/** channel → input and output schemas. */
export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      mode: appModeSchema,
      home: z.string(),
      firstStart: z.boolean(),
      language: languageSchema,
    }),
  },
  'settings.setLanguage': { input: z.object({ language: languageSchema }), output: ok },

  'catalog.list': { input: empty, output: z.array(nodeTypeInfoSchema) },

  'flows.list': { input: empty, output: z.array(flowSummarySchema) },
  'flows.open': { input: z.object({ path: z.string() }), output: openedFlowSchema },
  'flows.create': { input: z.object({ name: z.string().min(1) }), output: openedFlowSchema },
  /**
   * Never replaces a newer file silently: with `revision` (what the editor opened or last saved) the file on disk
   * must still be that; without, there must be no file yet. Either refusal is a HostError `conflict`, and the file
   * is left as it is. `overwrite` is the person's explicit choice to replace it ("Keep mine", Save As onto a file).
   */
  'flows.save': {
    input: z.object({ path: z.string().optional(), flow: flowDocumentSchema, revision: revisionSchema.optional(), overwrite: z.boolean().default(false) }),
    output: z.object({ path: z.string(), revision: revisionSchema }),
  },
  'flows.delete': { input: z.object({ path: z.string() }), output: ok },
  'flows.validate': { input: z.object({ flow: z.unknown() }), output: z.array(problemSchema) },
  'flows.export': {
    input: z.object({ flow: flowDocumentSchema }),
    output: z.object({
      fileName: z.string(),
      text: z.string(),
      /** What the export left out because it looked private (secrets, customer URLs, e-mail addresses, account ids). */
      removed: z.array(z.object({ nodeId: z.string().optional(), field: z.string(), reason: z.string() })).optional(),
    }),
  },
  /** Reads a shared file: what it needs (slots) and what it writes to, before anything is saved. */
  'flows.inspectImport': {
    input: z.object({ text: z.string() }),
    output: z.object({
      flow: flowDocumentSchema.optional(),
      problems: z.array(problemSchema),
      slots: z.array(z.object({ name: z.string(), type: slotTypeSchema, title: z.string().optional() })),
      writesTo: z.array(z.string()),
    }),
  },
  'flows.import': {
    input: z.object({ text: z.string(), bindings: z.record(z.string(), z.string()) }),
    output: openedFlowSchema,
  },

  'connections.list': { input: empty, output: z.array(connectionSchema) },
  'connections.save': {
    input: z.object({
      id: z.string().optional(),
      type: slotTypeSchema,
      name: z.string().min(1),
      settings: z.record(z.string(), z.string()),
      /** Stored in the OS keychain; omitted = keep the stored one. */
      secret: z.string().optional(),
    }),
    output: connectionSchema,
  },
  'connections.remove': { input: z.object({ id: z.string() }), output: ok },
  'connections.test': { input: z.object({ id: z.string() }), output: z.object({ ok: z.boolean(), message: z.string() }) },
  'connections.usage': { input: z.object({ id: z.string() }), output: z.array(z.object({ path: z.string(), flowName: z.string(), slot: z.string() })) },

  /** Which connection fills each slot of a flow on this machine (never stored in the flow file). */
  'bindings.get': { input: z.object({ flowId: z.string() }), output: z.record(z.string(), z.string()) },
  'bindings.set': { input: z.object({ flowId: z.string(), slot: z.string(), connectionId: z.string().nullable() }), output: ok },

  'options.list': {
    input: z.object({ connectionId: z.string(), kind: optionKindSchema }),
    output: z.array(optionSchema),
  },

  'runs.start': {
    input: z.object({
      path: z.string().optional(),
      flow: flowDocumentSchema.optional(),
      dryRun: z.boolean().default(false),
      onlyKeys: z.array(z.string()).optional(),
    }),
    output: z.object({ runId: z.string() }),
  },
  'runs.stop': { input: z.object({ runId: z.string() }), output: ok },
  'runs.list': { input: z.object({ flowId: z.string().optional(), limit: z.number().int().positive().max(1000).default(50) }), output: z.array(runSummarySchema) },
  'runs.get': {
    input: z.object({ runId: z.string() }),
    output: z.object({ run: runSummarySchema, events: z.array(runEventSchema), records: z.array(recordRowSchema) }),
  },
  /** Sample of the items each node produced in a run, per output port (data preview). */
  'runs.samples': {
    input: z.object({ runId: z.string() }),
    output: z.record(z.string(), z.record(z.string(), z.array(itemSampleSchema))),
  },

  /** First start: example flows bound to embedded simulators, so nobody needs accounts to try Koppel. */
  'demo.setup': { input: empty, output: z.object({ flows: z.array(z.string()), connections: z.array(z.string()) }) },

  // Schedules, dashboard, history, replay, notifications, retention and privacy (host/contract-ops.ts).
  ...opsContract,
  // The setup wizard (host/services/wizard.ts).
  ...wizardContract,
} as const;

export type Channel = keyof typeof contract;
export type ChannelInput<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof contract)[C]['output']>;
/** A channel's input after its schema ran (defaults filled in). */
export type ChannelParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;

/** The contract seen per channel, so code generic in the channel keeps each channel's own types (no casts). */
export const channelSchemas: { [C in Channel]: { input: z.ZodType<ChannelParsedInput<C>, ChannelInput<C>>; output: z.ZodType<ChannelOutput<C>> } } = contract;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** What the UI works with: one call per channel, and listening to a push channel. */
export interface KoppelApi {
  /** The channel's output, checked against the contract; rejects with the host's message (and its kind). */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls `listener` with every payload of the channel that keeps its schema; returns how to stop. */
  on<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): () => void;
}

/**
 * What the Electron preload exposes as `window.koppel`: the host's envelopes as they come (an Error crossing the
 * context bridge would lose its kind), so the renderer's client unwraps and checks them as it does over HTTP.
 */
export interface KoppelBridge {
  invoke(channel: Channel, input: unknown): Promise<Envelope>;
  on<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): () => void;
}

export const channels = Object.keys(contract) as Channel[];
