import { envelopeSchema } from '../../host/contract';
import type { Channel, ChannelOutput, HostErrorKind } from '../../host/contract';
import { parseOutput } from './typed-contract';

/** An error the host reported; its message is written for the person using the app, its kind says what to offer. */
export class HostCallError extends Error {
  constructor(
    message: string,
    readonly channel: string,
    readonly kind: HostErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

/** True for a save the host refused because the file changed on disk since it was opened. */
export function isConflict(error: unknown): error is HostCallError {
  return error instanceof HostCallError && error.kind === 'conflict';
}

/**
 * The result of an answer (an envelope, from IPC or HTTP) checked against the channel's output schema, or a
 * HostCallError with the host's message and kind.
 */
export function resultOf<C extends Channel>(channel: C, answer: unknown, opts: { status?: number; hint?: string } = {}): ChannelOutput<C> {
  const env = envelopeSchema.safeParse(answer);
  if (!env.success) {
    const how = opts.status !== undefined ? ` with HTTP ${opts.status}` : '';
    throw new HostCallError(`Koppel answered "${channel}"${how} in an unknown format. Reload the page or restart Koppel.`, channel, 'failed', opts.status);
  }
  if (!env.data.ok) throw new HostCallError(env.data.error.message + (opts.hint ?? ''), channel, env.data.error.kind, opts.status);
  return parseOutput(channel, env.data.result);
}
