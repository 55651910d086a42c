import type { NodeContext } from '../../engine';
import { CcvApiError } from '../../connectors/ccv-shop/index';

/** Records that the shop already holds what is wanted: the id map is updated and a write left pending by a crash is settled. */
export function settle(ctx: NodeContext<unknown>, scope: string, key: string, targetId: string, hash: string): void {
  ctx.ledger.setMapping(scope, key, targetId, hash);
  const pending = ctx.ledger.pendingWrite(scope, key);
  if (pending) ctx.ledger.abandonWrite(pending);
}

/** Runs a write between beginWrite and completeWrite; an outcome-unknown failure keeps the intent for the next run. */
export async function journaled<T>(ctx: NodeContext<unknown>, scope: string, key: string, hash: string, write: () => Promise<T>, idOf: (r: T) => string): Promise<T> {
  const intent = ctx.ledger.beginWrite(scope, key, hash);
  let result: T;
  try {
    result = await write();
  } catch (err) {
    // A stopped run or an answer that never came may have left the write done: keep the intent for the next run.
    if (!ctx.signal.aborted && !(err instanceof CcvApiError && err.outcomeUnknown)) ctx.ledger.abandonWrite(intent);
    throw err;
  }
  ctx.ledger.completeWrite(intent, idOf(result));
  return result;
}
