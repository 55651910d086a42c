import type { NodeContext } from '../../engine';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { withConnection } from './connection-ledger';
import { describeSlot } from './require-visma';

/** `clientOf` of every CCV Shop step: the client in its slot, or a message naming the step and what to choose. */
export function requireShop(client: unknown, step: string): CcvClient {
  if (client instanceof CcvClient) return client;
  throw new Error(`'${step}' works with CCV Shop, but ${describeSlot(client)} in its connection slot. Choose a CCV Shop connection for the slot of this step.`);
}

/** The same context with an id map that belongs to this shop (see `connectionLedger`). */
export function shopLedger<P>(ctx: NodeContext<P, CcvClient>): NodeContext<P, CcvClient> {
  return withConnection(ctx, `${ctx.client.config.origin}${ctx.client.config.apiPrefix}`);
}
