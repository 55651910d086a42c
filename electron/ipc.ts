import type { WebContents } from 'electron';
import { contract } from '../host/contract';
import type { Channel, Envelope, HostErrorKind, PushChannel, PushPayload } from '../host/contract';
import { HostError } from '../host/errors';
import type { Host } from '../host/types';
import { CHANNELS, ipcName, pushIpcName } from './channels';

/**
 * The part of `ipcMain` used here, generic in the event type (IpcMainInvokeEvent in the app), so tests use a
 * stand-in and never load Electron.
 */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, input: unknown) => Promise<Envelope>): void;
  removeHandler(channel: string): void;
}

export interface IpcDeps<E> {
  ipcMain: IpcMainLike<E>;
  host: Host;
  /** True when the call comes from our window's main frame showing our renderer. */
  isTrustedSender: (event: E) => boolean;
  /** Called after a channel succeeded (main rebuilds the menu when the language changes). */
  onSuccess?: (channel: Channel, input: unknown) => void;
}

function fail(message: string, kind: HostErrorKind): Envelope {
  return { ok: false, error: { message, kind } };
}

/** First zod issue as "field: problem", so a validation failure still says what to fix. */
function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const where = first.path.map(String).join('.');
  return where ? `${where}: ${first.message}` : first.message;
}

/** Error text for the person; never a stack trace. */
function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'Something went wrong in the app. Try again; if it keeps happening, restart Koppel.';
}

/**
 * Registers `koppel:<channel>` for every contract channel. Each call checks the sender, validates the input
 * with the contract schema (the host validates again) and answers an envelope instead of throwing.
 * Returns a function that removes the handlers.
 */
export function registerIpc<E>(deps: IpcDeps<E>): () => void {
  for (const channel of CHANNELS) {
    const schema = contract[channel].input;
    deps.ipcMain.handle(ipcName(channel), async (event, input: unknown): Promise<Envelope> => {
      if (!deps.isTrustedSender(event)) return fail(`Refused "${channel}": the request did not come from the Koppel window.`, 'refused');
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) return fail(`Invalid input for "${channel}" (${describeIssue(parsed.error.issues)}).`, 'invalid-input');
      try {
        const result = await deps.host.invoke(channel, parsed.data);
        deps.onSuccess?.(channel, parsed.data);
        return { ok: true, result };
      } catch (error) {
        return fail(messageOf(error), error instanceof HostError ? error.kind : 'failed');
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) deps.ipcMain.removeHandler(ipcName(channel));
  };
}

export type PushTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

/** Sends one message of a push channel to the window, typed by the contract; nothing when the window is gone. */
export function sendPush<P extends PushChannel>(target: PushTarget | null | undefined, channel: P, payload: PushPayload<P>): void {
  if (target && !target.isDestroyed()) target.send(pushIpcName(channel), payload);
}

/** Sends every run event to the window while it exists (also when hidden in the tray). */
export function forwardRunEvents(host: Host, target: () => PushTarget | null): () => void {
  return host.onRunEvent((event) => sendPush(target(), 'run.event', event));
}
