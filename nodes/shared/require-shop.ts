import type { NodeContext } from '../../engine';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { withConnection } from './connection-ledger';
import { describeSlot } from './require-visma';

/** The CCV Shop client in the node's slot; a clear error when the slot holds something else. */
export function shopClient(ctx: { client: unknown; nodeId: string; nodeName?: string }): CcvClient {
  if (ctx.client instanceof CcvClient) return ctx.client;
  const label = ctx.nodeName ?? ctx.nodeId;
  throw new Error(`'${label}' writes to CCV Shop, but ${describeSlot(ctx.client)} in its connection slot. Choose a CCV Shop connection for the slot of this step.`);
}

/** The shop client and a context whose id map belongs to this shop (see `connectionLedger`). */
export function shopContext<P>(ctx: NodeContext<P>): { client: CcvClient; ctx: NodeContext<P> } {
  const client = shopClient(ctx);
  return { client, ctx: withConnection(ctx, `${client.config.origin}${client.config.apiPrefix}`) };
}
