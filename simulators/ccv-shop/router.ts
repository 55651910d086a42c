// Matches API paths to routes. Both /x/ and /x, /x/:id/ and /x/:id are accepted.
import type { Method, Route } from './context';
import { err } from './errors';

export interface Match {
  route: Route;
  ids: number[];
  segments: string[];
  /** Rate-limit resource: the last named segment of the pattern (e.g. productphotos). */
  resource: string;
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Raw id segment to a number; anything else is not an id of ours. */
function parseId(segment: string): number | undefined {
  return /^\d{1,15}$/.test(segment) ? Number(segment) : undefined;
}

export class Router {
  private readonly compiled: { route: Route; parts: string[] }[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, parts: splitPath(route.pattern) }));
  }

  /**
   * Resolve a path (after /api/rest/v1/) and method. Unknown paths are 404.20, known paths with
   * another method 405.10. A non-numeric id segment is reported as an unknown id by the caller
   * via `badId`.
   */
  match(method: Method, segments: string[]): Match | { badId: string; resource: string; route: Route } {
    let pathKnown = false;
    for (const { route, parts } of this.compiled) {
      if (parts.length !== segments.length) continue;
      const ids: number[] = [];
      let bad: string | undefined;
      const fits = parts.every((p, i) => {
        const seg = segments[i] ?? '';
        if (p === ':id') {
          const id = parseId(seg);
          if (id === undefined) bad ??= seg;
          else ids.push(id);
          return true;
        }
        return p === seg;
      });
      if (!fits) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const resource = [...parts].reverse().find((p) => p !== ':id') ?? '';
      if (bad !== undefined) return { badId: bad, resource: parts[0] ?? resource, route };
      return { route, ids, segments, resource };
    }
    const shown = `/api/rest/v1/${segments.join('/')}${segments.length ? '/' : ''}`;
    if (pathKnown) throw err.methodNotAllowed(method, shown);
    throw err.invalidResource(shown);
  }
}
