import type { NodeContext, NodeLedger } from '../../engine';

/**
 * The node's ledger seen through one connection: id maps, write intents and cursors are kept per shop / per Visma
 * company. Pointing a flow's slot at another shop (a test shop, then the live one) then starts with an empty id map
 * instead of skipping records as "unchanged" that the other shop has never seen.
 */
export function connectionLedger(ledger: NodeLedger, connection: string): NodeLedger {
  const s = (scope: string) => `${scope}@${connection}`;
  return {
    getMapping: (scope, key) => ledger.getMapping(s(scope), key),
    prefetchMappings: (scope, keys) => ledger.prefetchMappings(s(scope), keys),
    setMapping: (scope, key, targetId, hash, fields) => ledger.setMapping(s(scope), key, targetId, hash, fields),
    // Intents carry the full scope, so complete/abandon pass them on unchanged.
    beginWrite: (scope, key, hash, fields) => ledger.beginWrite(s(scope), key, hash, fields),
    completeWrite: (intent, targetId) => ledger.completeWrite(intent, targetId),
    abandonWrite: (intent) => ledger.abandonWrite(intent),
    pendingWrite: (scope, key) => ledger.pendingWrite(s(scope), key),
    transaction: (fn) => ledger.transaction(fn),
    getCursor: (name) => ledger.getCursor(s(name)),
    proposeCursor: (name, value) => ledger.proposeCursor(s(name), value),
  };
}

/** The same context with the ledger of one connection. */
export function withConnection<P, C>(ctx: NodeContext<P, C>, connection: string): NodeContext<P, C> {
  return { ...ctx, ledger: connectionLedger(ctx.ledger, connection) };
}
