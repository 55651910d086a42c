import { channelSchemas as specs, isChannel, type Channel, type ChannelOutput, type ChannelParsedInput } from './contract';
import { HostError, describeIssues, messageOf } from './errors';

/** A channel's input after its schema ran (defaults filled in). */
export type ParsedInput<C extends Channel> = ChannelParsedInput<C>;
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> };

export { isChannel };

/** Validates input against the channel's schema, runs the handler, and checks the answer keeps the contract. */
export async function dispatch<C extends Channel>(handlers: Handlers, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  if (!isChannel(channel)) throw new HostError('unknown-channel', `Unknown channel '${String(channel)}'.`);
  const parsed = specs[channel].input.safeParse(input ?? {});
  if (!parsed.success) throw new HostError('invalid-input', `The request for '${channel}' is not valid: ${describeIssues(parsed.error.issues)}.`);
  const handler: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> = handlers[channel];
  let result: ChannelOutput<C>;
  try {
    result = await handler(parsed.data);
  } catch (error) {
    if (error instanceof HostError) throw error;
    // Connector and engine errors already speak to the user; keep their message, drop the stack.
    throw new HostError('failed', messageOf(error));
  }
  const checked = specs[channel].output.safeParse(result);
  if (!checked.success) throw new HostError('failed', `Koppel produced an answer for '${channel}' that does not match its contract (${describeIssues(checked.error.issues)}). Please report this.`);
  return checked.data;
}
