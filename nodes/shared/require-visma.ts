import type { NodeContext } from '../../engine';
import { VismaClient } from '../../connectors/visma-net/index';
import { withConnection } from './connection-ledger';

/** What a node's slot holds, in words, for the message when it is not what the node needs. */
export function describeSlot(client: unknown): string {
  if (client === undefined || client === null) return 'no connection is filled in';
  if (typeof client === 'object') return `it holds a ${client.constructor.name === 'Object' ? 'plain object' : client.constructor.name}`;
  return `it holds a ${typeof client}`;
}

/** `clientOf` of every Visma.net step: the client in its slot, or a message naming the step and what to choose. */
export function requireVisma(client: unknown, step: string): VismaClient {
  if (client instanceof VismaClient) return client;
  throw new Error(`'${step}' works with Visma.net, but ${describeSlot(client)} in its connection slot. Choose a Visma.net connection for the slot of this step.`);
}

/** The same context with cursors and id maps that belong to this company (see `connectionLedger`). */
export function vismaLedger<P>(ctx: NodeContext<P, VismaClient>): NodeContext<P, VismaClient> {
  return withConnection(ctx, `visma:${ctx.client.config.tenantId}`);
}
