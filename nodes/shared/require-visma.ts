import type { NodeContext } from '../../engine';
import { VismaClient } from '../../connectors/visma-net/index';
import { withConnection } from './connection-ledger';

/** What a node's slot holds, in words, for the message when it is not what the node needs. */
export function describeSlot(client: unknown): string {
  if (client === undefined || client === null) return 'no connection is filled in';
  if (typeof client === 'object') return `it holds a ${client.constructor.name === 'Object' ? 'plain object' : client.constructor.name}`;
  return `it holds a ${typeof client}`;
}

/** The Visma.net client in the node's slot; a clear error when the slot holds something else. */
export function vismaClient(ctx: { client: unknown; nodeId: string; nodeName?: string }): VismaClient {
  if (ctx.client instanceof VismaClient) return ctx.client;
  const label = ctx.nodeName ?? ctx.nodeId;
  throw new Error(`'${label}' reads from Visma.net, but ${describeSlot(ctx.client)} in its connection slot. Choose a Visma.net connection for the slot of this step.`);
}

/** The Visma.net client and a context whose cursors belong to this company (see `connectionLedger`). */
export function vismaContext<P>(ctx: NodeContext<P>): { client: VismaClient; ctx: NodeContext<P> } {
  const client = vismaClient(ctx);
  return { client, ctx: withConnection(ctx, `visma:${client.config.tenantId}`) };
}
