import { channelSchemas, isChannel } from '../../host/contract';
import type { Channel, ChannelOutput } from '../../host/contract';

export { isChannel };

/** Parses what the host answered against the channel's output schema. */
export function parseOutput<C extends Channel>(channel: C, value: unknown): ChannelOutput<C> {
  const result = channelSchemas[channel].output.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`The app answered "${channel}" in an unexpected shape (${where}: ${issue?.message ?? 'invalid'}). Update Koppel or restart it.`);
  }
  return result.data;
}
