// Minimal path router: `:param` segments, case-insensitive literals (ASP.NET routing), most literal match wins.
import type { Handler } from './types';

interface Route {
  method: string;
  parts: string[];
  /** The pattern as registered, e.g. `/v1/inventory/:inventoryNumber` (the stats key). */
  pattern: string;
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'ok'; handler: Handler; params: Record<string, string>; pattern: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const parts = pattern.split('/').filter(Boolean);
    this.routes.push({ method: method.toUpperCase(), parts, pattern: `/${parts.join('/')}`, handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler);
  }

  patch(pattern: string, handler: Handler): this {
    return this.add('PATCH', pattern, handler);
  }

  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  private score(route: Route, segments: string[]): { literals: number; params: Record<string, string> } | undefined {
    if (route.parts.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    let literals = 0;
    for (let i = 0; i < segments.length; i++) {
      const part = route.parts[i] ?? '';
      const seg = segments[i] ?? '';
      if (part.startsWith(':')) {
        if (seg === '') return undefined;
        params[part.slice(1)] = seg;
      } else if (part.toLowerCase() === seg.toLowerCase()) {
        literals++;
      } else {
        return undefined;
      }
    }
    return { literals, params };
  }

  match(method: string, segments: string[]): RouteMatch {
    let best: { route: Route; literals: number; params: Record<string, string> } | undefined;
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const s = this.score(route, segments);
      if (!s) continue;
      allowed.add(route.method);
      if (route.method !== method.toUpperCase()) continue;
      if (!best || s.literals > best.literals) best = { route, ...s };
    }
    if (best) {
      // A literal route of another verb (e.g. POST /inventory/action/x) must not be shadowed by a param route of this verb.
      const moreLiteral = this.routes.some((r) => r.method !== method.toUpperCase() && (this.score(r, segments)?.literals ?? -1) > best.literals);
      if (!moreLiteral) return { kind: 'ok', handler: best.route.handler, params: best.params, pattern: best.route.pattern };
    }
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
  }
}
