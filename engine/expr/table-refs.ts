/**
 * The table names used as literals in `$table('name', ...)` calls, read from a compiled expression's syntax tree,
 * so validation can report a table that does not exist before anything runs.
 */
export function tableReferences(ast: unknown): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const type: unknown = Reflect.get(node, 'type');
    const proc: unknown = Reflect.get(node, 'procedure');
    if (type === 'function' && typeof proc === 'object' && proc !== null) {
      const args: unknown = Reflect.get(node, 'arguments');
      if (Reflect.get(proc, 'type') === 'variable' && Reflect.get(proc, 'value') === 'table' && Array.isArray(args)) {
        const first: unknown = args[0];
        if (typeof first === 'object' && first !== null && Reflect.get(first, 'type') === 'string') {
          const name: unknown = Reflect.get(first, 'value');
          if (typeof name === 'string') found.add(name);
        }
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(ast);
  return [...found];
}
