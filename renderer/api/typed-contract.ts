import type { z } from 'zod';
import { contract } from '../../host/contract';
import type { Channel, ChannelInput, ChannelOutput } from '../../host/contract';

/** The contract seen per channel, so a generic channel still gets its own schema types. */
type Schemas = { [C in Channel]: { input: z.ZodType<unknown, ChannelInput<C>>; output: z.ZodType<ChannelOutput<C>> } };
const schemas: Schemas = contract;

/** Parses what the bridge answered against the channel's output schema. */
export function parseOutput<C extends Channel>(channel: C, value: unknown): ChannelOutput<C> {
  const result = schemas[channel].output.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`The app answered "${channel}" in an unexpected shape (${where}: ${issue?.message ?? 'invalid'}). Update Koppel or restart it.`);
  }
  return result.data;
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
