/**
 * The contract's channels for running Koppel day after day: schedules, dashboard and history, replay and parking,
 * notifications, retention and privacy. Spread into `contract` by `host/contract.ts`, which re-exports everything
 * here, so the renderer keeps importing `host/contract.ts` only.
 */
import { z } from 'zod';
import { flowSettingsSchema } from '../engine/flow/schema';
import { countsSchema, logLevelSchema, logLineSchema, nodeStatusSchema, recordActionSchema, recordReportSchema, runStateSchema } from '../engine/run/events';

const ok = z.object({ ok: z.literal(true) });
const empty = z.object({});

// ---- schedules -------------------------------------------------------------------------------------------------

/** After the PC slept or was off: run a missed schedule once, or skip it and wait for the next time. */
export const catchUpSchema = z.enum(['run-once', 'skip']);

/** The last due run that did not start (the previous one still ran), and why. */
export const skippedRunSchema = z.object({ at: z.string(), reason: z.string() });
/** Runs that did not happen on time (PC asleep or off), as last detected. */
export const missedRunsSchema = z.object({ count: z.number().int(), times: z.array(z.string()), detectedAt: z.string(), handled: z.enum(['ran-once', 'skipped']) });

/** Which kind of Koppel process runs the schedules of a home. */
export const schedulerOwnerKindSchema = z.enum(['desktop', 'daemon', 'web']);
/** Who holds `<home>/daemon.lock`. */
export const schedulerOwnerSchema = z.object({ pid: z.number(), owner: schedulerOwnerKindSchema, since: z.string() });

export const scheduleSchema = z.object({
  flowId: z.string(),
  /** From the flow library; absent when the flow file is gone. */
  flowName: z.string().optional(),
  path: z.string().optional(),
  everyMinutes: z.number().int().optional(),
  cron: z.string().optional(),
  /** IANA time zone of a cron schedule; absent = this computer's. */
  timezone: z.string().optional(),
  /** In the app's language: "every 15 minutes", "At 02:00, Monday through Friday". */
  description: z.string(),
  active: z.boolean(),
  catchUp: catchUpSchema,
  /** Failed runs in a row after which the schedule pauses itself; 0 = never. */
  pauseAfterFailures: z.number().int(),
  /** Why the schedule is paused, in plain words (by a person, or automatically after failures). */
  pausedReason: z.string().optional(),
  pausedAt: z.string().optional(),
  nextRunAt: z.string().optional(),
  lastRunAt: z.string().optional(),
  lastRunId: z.string().optional(),
  lastStatus: runStateSchema.optional(),
  consecutiveFailures: z.number().int(),
  /** The scheduled run going on now. */
  runningRunId: z.string().optional(),
  lastSkipped: skippedRunSchema.optional(),
  missed: missedRunsSchema.optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

const everyMinutes = z.number().int().min(1).max(60 * 24 * 31);
const timing = {
  everyMinutes: everyMinutes.optional(),
  cron: z.string().trim().min(1).optional(),
  timezone: z.string().min(1).optional(),
};
const oneTiming = (v: { everyMinutes?: number | undefined; cron?: string | undefined }) => (v.everyMinutes === undefined) !== (v.cron === undefined);
const oneTimingMessage = { message: 'Give either everyMinutes (an interval) or cron (a cron expression), not both.' };

export const schedulerStatusSchema = z.object({
  /** This process runs the schedules. */
  runningHere: z.boolean(),
  /** Who holds `<home>/daemon.lock`, if anyone. */
  owner: schedulerOwnerSchema.optional(),
  message: z.string(),
});

/** What the scheduler reports besides run events: skipped and missed runs, pauses, retention, notification trouble. */
export const opsLogEntrySchema = z.object({
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  kind: z.enum(['scheduled', 'skipped', 'missed', 'paused', 'start-failed', 'retention', 'digest', 'notification', 'scheduler']),
  message: z.string(),
  flowId: z.string().optional(),
  runId: z.string().optional(),
});

// ---- dashboard and history ------------------------------------------------------------------------------------

export const runOverviewSchema = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  dryRun: z.boolean(),
  status: runStateSchema,
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  durationMs: z.number().optional(),
  counts: countsSchema,
  error: z.string().optional(),
});

export const runDaySchema = z.object({
  /** Local date (YYYY-MM-DD) in the overview's time zone. */
  date: z.string(),
  runs: z.number(),
  failedRuns: z.number(),
  partialRuns: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** created + updated + skipped + failed. */
  records: z.number(),
  /** failed / records, 0 when no records. */
  failureRate: z.number(),
  /** (failed + partial runs) / runs, 0 when no runs. */
  runFailureRate: z.number(),
});

export const attentionSchema = z.object({
  flowId: z.string(),
  flowName: z.string(),
  key: z.string(),
  nodeId: z.string(),
  runId: z.string(),
  runStartedAt: z.string(),
  at: z.string(),
  /** What went wrong, in plain words. */
  reason: z.string(),
  target: z.string().optional(),
});

export const nodeDetailSchema = z.object({
  nodeId: z.string(),
  status: nodeStatusSchema,
  counts: countsSchema,
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  durationMs: z.number().optional(),
  error: z.string().optional(),
});

export { logLineSchema };

export const detailRecordSchema = z.object({ ...recordReportSchema.shape, at: z.string(), parked: z.boolean() });

export const timelineStepSchema = z.object({
  at: z.string(),
  kind: z.enum(['record', 'log']),
  nodeId: z.string().optional(),
  action: recordActionSchema.optional(),
  planned: z.boolean().optional(),
  target: z.string().optional(),
  targetId: z.string().optional(),
  reason: z.string().optional(),
  level: logLevelSchema.optional(),
  /** One line a person reads: "Created sales order 5567", "Failed: price missing". */
  message: z.string(),
});

export const timelineRunSchema = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  runStartedAt: z.string(),
  dryRun: z.boolean(),
  /** Oldest first within the run. */
  steps: z.array(timelineStepSchema),
});

export const parkedSchema = z.object({ flowId: z.string(), key: z.string(), parkedAt: z.string(), note: z.string().optional() });

// ---- notifications, retention, privacy --------------------------------------------------------------------------

export const notifyChannelSchema = z.enum(['desktop', 'email', 'webhook']);
/** `starttls` (port 587), `tls` (port 465), `none` only for a relay on this machine or network. */
const emailSecuritySchema = z.enum(['starttls', 'tls', 'none']);
const digestTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 08:00');
/** Most a run on this machine may keep of payloads, whatever a flow file says: the flow file's own levels. */
const payloadLoggingLimitSchema = flowSettingsSchema.shape.payloadLogging.unwrap();

export const emailSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  host: z.string().default(''),
  port: z.number().int().min(1).max(65535).default(587),
  security: emailSecuritySchema.default('starttls'),
  user: z.string().default(''),
  from: z.string().default(''),
  to: z.array(z.string()).default([]),
});

export const webhookSettingsSchema = z.object({ enabled: z.boolean().default(false), url: z.string().default('') });

export const digestSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** Local time HH:MM. */
  at: digestTimeSchema.default('08:00'),
  timezone: z.string().optional(),
});

export const notificationSettingsSchema = z.object({
  desktop: z.boolean().default(true),
  email: emailSettingsSchema.default(emailSettingsSchema.parse({})),
  webhook: webhookSettingsSchema.default(webhookSettingsSchema.parse({})),
  onFailure: z.boolean().default(true),
  onRecovery: z.boolean().default(true),
  /** false: only the first failed run of a streak is announced (no message every 15 minutes). */
  repeatFailures: z.boolean().default(false),
  digest: digestSettingsSchema.default(digestSettingsSchema.parse({})),
  /** Web address of this Koppel for links in messages; runs are linked as `<webUrl>/runs/<id>`. */
  webUrl: z.string().optional(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

// Inputs change only the fields given (no defaults here: zod would fill them in and overwrite stored values).
export const notificationSettingsInputSchema = z.object({
  desktop: z.boolean().optional(),
  email: z
    .object({
      enabled: z.boolean(),
      host: z.string(),
      port: z.number().int().min(1).max(65535),
      security: emailSecuritySchema,
      user: z.string(),
      from: z.string(),
      to: z.array(z.string()),
    })
    .partial()
    .optional(),
  webhook: z.object({ enabled: z.boolean(), url: z.string() }).partial().optional(),
  onFailure: z.boolean().optional(),
  onRecovery: z.boolean().optional(),
  repeatFailures: z.boolean().optional(),
  digest: z
    .object({ enabled: z.boolean(), at: digestTimeSchema, timezone: z.string().nullable() })
    .partial()
    .optional(),
  webUrl: z.string().nullable().optional(),
  /** Kept in the system keychain (account `notify-smtp`), never in the settings file; null removes it. */
  smtpPassword: z.string().nullable().optional(),
});

export const retentionSettingsSchema = z.object({
  /** Runs with their log and record outcomes are deleted after this many days. */
  days: z.number().int().min(1).max(3650).default(30),
  /** Payloads (what came from the source and what was sent) go after this many days; absent = `days`. */
  payloadDays: z.number().int().min(0).max(3650).optional(),
  payloadLoggingLimit: payloadLoggingLimitSchema.default('full'),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

// ---- setup wizard ----------------------------------------------------------------------------------------------

export const wizardFlowKindSchema = z.enum(['products', 'stock', 'customers', 'orders']);
/** Which Visma.net document an order becomes: the example flows orders-sales-orders / -sales-invoices / -financial. */
export const wizardOrderDocumentSchema = z.enum(['sales-orders', 'sales-invoices', 'financial']);
const tableRows = z.record(z.string().min(1), z.string());

/** What the setup wizard asked; each answer given replaces the example flow's default. */
export const wizardAnswersSchema = z.object({
  vismaConnectionId: z.string().min(1),
  ccvConnectionId: z.string().min(1),
  flows: z.array(wizardFlowKindSchema).min(1),
  /** Put before each flow name, e.g. "Webshop NL: ". */
  namePrefix: z.string().max(60).optional(),
  /** The shop's own country (ISO 3166 alpha-2). */
  homeCountry: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as NL.').optional(),
  orders: z
    .object({
      document: wizardOrderDocumentSchema,
      /** CCV order status numbers to take (1 New, 2 In process, ...); empty = all. */
      statuses: z.array(z.number().int().min(1).max(14)).optional(),
      paid: z.enum(['paid', 'unpaid', 'any']).optional(),
      /** Visma.net sales order type (sales orders only), e.g. SO. */
      orderType: z.string().optional(),
      /** One customer number for all orders that have none; absent = each order gets its own customer. */
      defaultCustomer: z.string().optional(),
      /** CCV order status to write back after posting; null = do not write back. */
      statusAfter: z.number().int().min(1).max(14).nullable().optional(),
    })
    .optional(),
  stock: z
    .object({
      warehouses: z.array(z.string().min(1)).optional(),
      figure: z.enum(['available', 'availableForShipment', 'onHand', 'availableMinusBooked']).optional(),
    })
    .optional(),
  /** Rows for the value tables of the same name (merged over the example's rows). */
  tables: z
    .object({
      'vat-code-per-country-rate': tableRows,
      'vat-zone-per-country': tableRows,
      'revenue-account-per-country': tableRows,
      'payment-method': tableRows,
      'carrier-per-shipping-method': tableRows,
      'shipping-item-per-method': tableRows,
      'customer-class': tableRows,
      'credit-terms': tableRows,
    })
    .partial()
    .optional(),
});
export type WizardAnswers = z.infer<typeof wizardAnswersSchema>;

// ---- the channels ------------------------------------------------------------------------------------------------

export const opsContract = {
  'schedules.list': { input: empty, output: z.array(scheduleSchema) },
  'schedules.set': {
    input: z
      .object({
        flowId: z.string().min(1),
        ...timing,
        catchUp: catchUpSchema.optional(),
        pauseAfterFailures: z.number().int().min(0).max(100).optional(),
        active: z.boolean().optional(),
      })
      .refine(oneTiming, oneTimingMessage),
    output: scheduleSchema,
  },
  'schedules.remove': { input: z.object({ flowId: z.string() }), output: ok },
  'schedules.pause': { input: z.object({ flowId: z.string(), reason: z.string().optional() }), output: scheduleSchema },
  'schedules.resume': { input: z.object({ flowId: z.string() }), output: scheduleSchema },
  /** Checks a schedule while a person types it: its words and the next times. */
  'schedules.preview': {
    input: z.object({ ...timing, count: z.number().int().min(1).max(20).default(5) }).refine(oneTiming, oneTimingMessage),
    output: z.object({ valid: z.boolean(), description: z.string(), next: z.array(z.string()), problem: z.string().optional() }),
  },
  'schedules.status': { input: empty, output: schedulerStatusSchema },
  /** The scheduler's recent messages in this process (skipped, missed, paused, ...), newest first. */
  'schedules.log': {
    input: z.object({ flowId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(opsLogEntrySchema),
  },

  'dashboard.overview': {
    input: z.object({
      flowId: z.string().optional(),
      days: z.number().int().min(1).max(366).default(14),
      runLimit: z.number().int().min(1).max(200).default(20),
      /** IANA zone for the per-day figures; default this computer's. */
      timeZone: z.string().optional(),
    }),
    output: z.object({
      /** First and last local date (YYYY-MM-DD) of `days`. */
      from: z.string(),
      to: z.string(),
      timeZone: z.string(),
      runs: z.array(runOverviewSchema),
      days: z.array(runDaySchema),
      needsAttention: z.array(attentionSchema),
      needsAttentionTotal: z.number(),
    }),
  },
  /** Everything about one run: each node's counts and timing, the log, per record what came in and what was sent. */
  'runs.detail': {
    input: z.object({ runId: z.string(), recordLimit: z.number().int().min(1).max(100_000).default(1000), action: recordActionSchema.optional() }),
    output: z.object({
      run: runOverviewSchema,
      nodes: z.array(nodeDetailSchema),
      log: z.array(logLineSchema),
      records: z.array(detailRecordSchema),
      /** Records of the run (with the action filter), also those past `recordLimit`. */
      recordsTotal: z.number(),
      /** koppel://runs/<id> */
      link: z.string(),
    }),
  },
  'records.timeline': {
    input: z.object({ key: z.string().min(1), flowId: z.string().optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ key: z.string(), runs: z.array(timelineRunSchema), parkedIn: z.array(z.string()) }),
  },
  /** Runs the flow as it is now for some records of a run (default: its failed records that are not parked). */
  'records.replay': {
    input: z.object({ runId: z.string(), keys: z.array(z.string().min(1)).min(1).optional(), dryRun: z.boolean().default(false) }),
    output: z.object({ runId: z.string(), keys: z.array(z.string()), skippedParked: z.array(z.string()) }),
  },
  'records.park': { input: z.object({ flowId: z.string().min(1), key: z.string().min(1), note: z.string().optional() }), output: ok },
  'records.unpark': { input: z.object({ flowId: z.string().min(1), key: z.string().min(1) }), output: ok },
  'records.parked': { input: z.object({ flowId: z.string().optional() }), output: z.array(parkedSchema) },

  'notifications.get': { input: empty, output: notificationSettingsSchema.extend({ hasSmtpPassword: z.boolean() }) },
  'notifications.set': { input: notificationSettingsInputSchema, output: notificationSettingsSchema.extend({ hasSmtpPassword: z.boolean() }) },
  /** Sends a test message through each enabled channel (or the ones named) and says per channel what happened. */
  'notifications.test': {
    input: z.object({ channels: z.array(notifyChannelSchema).optional() }),
    output: z.array(z.object({ channel: notifyChannelSchema, ok: z.boolean(), message: z.string() })),
  },

  'retention.get': { input: empty, output: retentionSettingsSchema },
  'retention.set': {
    input: z.object({
      days: z.number().int().min(1).max(3650).optional(),
      payloadDays: z.number().int().min(0).max(3650).nullable().optional(),
      payloadLoggingLimit: payloadLoggingLimitSchema.optional(),
    }),
    output: retentionSettingsSchema,
  },
  /** Applies retention now (it also runs at start and daily). */
  'retention.apply': { input: empty, output: z.object({ runs: z.number(), payloads: z.number(), message: z.string() }) },
  /** Removes every logged payload that holds this e-mail address (a person's request under the GDPR). */
  'privacy.erase': {
    input: z.object({ email: z.string().trim().min(3) }),
    output: z.object({ records: z.number(), events: z.number(), keys: z.number(), message: z.string() }),
  },
} as const;

/** The setup wizard's channel (host/services/wizard.ts); kept apart from `opsContract`, whose handlers the ops service owns. */
export const wizardContract = {
  /** Makes ordinary library flows from the example templates and the wizard's answers, bound to the connections. */
  'wizard.createFlows': {
    input: wizardAnswersSchema,
    output: z.object({
      flows: z.array(z.object({ kind: wizardFlowKindSchema, path: z.string(), flowId: z.string(), name: z.string() })),
    }),
  },
} as const;
