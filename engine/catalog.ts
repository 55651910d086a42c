import type { AnyNodeDefinition, NodeCatalog } from './types';

/** A catalogue over a list of node definitions; a type listed twice is a programming error. */
export function createCatalog(definitions: readonly AnyNodeDefinition[]): NodeCatalog {
  const byType = new Map<string, AnyNodeDefinition>();
  for (const def of definitions) {
    if (byType.has(def.type)) throw new Error(`Node type '${def.type}' is defined twice in the catalogue.`);
    byType.set(def.type, def);
  }
  const list = [...byType.values()];
  return { get: (type) => byType.get(type), list: () => list };
}
