/**
 * What travels between the UI and the host besides a channel's input and output: the envelope every answer comes
 * in (IPC and HTTP alike), the kinds of error, and the push channels (messages the UI did not ask for: run events,
 * menu commands). Re-exported by `host/contract.ts`; the renderer imports that file only.
 */
import { z } from 'zod';
import { runEventSchema } from '../engine/run/events';

// ---- answers ------------------------------------------------------------------------------------------------------

/**
 * What went wrong: `invalid-input` a request that does not match the contract; `unknown-channel` a channel that
 * does not exist; `not-found` a file or record that is not there; `conflict` a change that would overwrite a newer
 * one (a flow file changed on disk since it was opened); `refused` a caller that may not ask (wrong token, foreign
 * window); `failed` everything else.
 */
export const hostErrorKindSchema = z.enum(['invalid-input', 'unknown-channel', 'not-found', 'conflict', 'refused', 'failed']);
export type HostErrorKind = z.infer<typeof hostErrorKindSchema>;

/** Every answer to a call, on both transports: errors travel as data, so the person sees the host's message. */
export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ message: z.string(), kind: hostErrorKindSchema }) }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

// ---- push channels ------------------------------------------------------------------------------------------------

/** Commands the desktop menu sends to the renderer; the renderer handles every one (its command switch is typed). */
export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'export', 'import', 'run', 'dryRun', 'stop', 'undo', 'redo', 'connections', 'autoLayout', 'zoomFit'] as const;
export const menuCommandNameSchema = z.enum(MENU_COMMANDS);
export type MenuCommandName = z.infer<typeof menuCommandNameSchema>;

export const menuCommandSchema = z.object({
  command: menuCommandNameSchema,
  /** A file the main process picked in a native dialog (Open, Save As; the dialog already asked before replacing). */
  path: z.string().optional(),
});
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/**
 * Push channel → the schema of its payload. Receivers parse every payload with it and drop what does not match.
 * `web`: also carried by `koppel serve`'s WebSocket (`/events`); the menu exists only in the desktop app.
 */
export const pushContract = {
  /** Every event of every run in this host: the log pane, the run state, the wizard's dry runs. */
  'run.event': { payload: runEventSchema, web: true },
  /** A menu entry chosen in the desktop app. */
  'menu.command': { payload: menuCommandSchema, web: false },
} as const;

export type PushChannel = keyof typeof pushContract;
export type PushPayload<P extends PushChannel> = z.infer<(typeof pushContract)[P]['payload']>;
export const pushChannels = Object.keys(pushContract) as PushChannel[];

/** The contract seen per push channel, so a generic channel keeps its own payload type (no casts needed). */
const pushSchemas: { [P in PushChannel]: { payload: z.ZodType<PushPayload<P>>; web: boolean } } = pushContract;

export function isPushChannel(name: unknown): name is PushChannel {
  return typeof name === 'string' && Object.hasOwn(pushContract, name);
}

/** The payload if it keeps the channel's schema, otherwise undefined (a receiver drops it). */
export function parsePush<P extends PushChannel>(channel: P, payload: unknown): PushPayload<P> | undefined {
  const parsed = pushSchemas[channel].payload.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}

export function isWebPush(channel: PushChannel): boolean {
  return pushSchemas[channel].web;
}

/** One WebSocket frame of `koppel serve`: which push channel, and its payload. */
export const pushFrameSchema = z.object({ channel: z.string(), payload: z.unknown() });
export type PushFrame = { [P in PushChannel]: { channel: P; payload: PushPayload<P> } }[PushChannel];
