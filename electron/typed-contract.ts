import type { z } from 'zod';
import { contract } from '../host/contract';
import type { Channel, ChannelInput, ChannelOutput } from '../host/contract';

/** The contract per channel, so a generic channel keeps its own schema types (no casts needed). */
type Schemas = { [C in Channel]: { input: z.ZodType<unknown, ChannelInput<C>>; output: z.ZodType<ChannelOutput<C>> } };
const schemas: Schemas = contract;

/** Checks an answer against the channel's output schema before the renderer sees it. */
export function parseOutput<C extends Channel>(channel: C, value: unknown): ChannelOutput<C> {
  const result = schemas[channel].output.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`The app answered "${channel}" in an unexpected shape (${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}). Restart Koppel.`);
  }
  return result.data;
}
