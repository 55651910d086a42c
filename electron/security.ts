/** Security policy of the desktop window, kept free of `electron` imports so it is unit-tested. */

/** The Content-Security-Policy: also written as a meta tag in renderer/index.html (a test keeps them equal). */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; img-src 'self' data:; connect-src 'self'";

/** While developing with the Vite dev server, React Refresh needs inline scripts and a socket; never in a build. */
export function devCsp(devServerUrl: string): string {
  const origin = new URL(devServerUrl).origin;
  const ws = origin.replace(/^http/, 'ws');
  return CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", `connect-src 'self' ${origin} ${ws}`);
}

/** Permissions the renderer may get: copying the log to the clipboard. Everything else is refused. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

export interface TrustedOrigin {
  /** file:// URL of the built renderer's index.html. */
  rendererFile: string;
  /** Origin of the dev server, when running `electron-vite dev`. */
  devServerUrl?: string;
}

/**
 * Whether a frame URL is our renderer: the built index.html (any #hash or ?query), or the dev server.
 * Used to check IPC senders and to refuse navigation elsewhere.
 */
export function isTrustedUrl(url: string, trusted: TrustedOrigin): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') {
    const expected = new URL(trusted.rendererFile);
    return u.pathname === expected.pathname;
  }
  if (trusted.devServerUrl) {
    try {
      return u.origin === new URL(trusted.devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links a person clicks (help pages) open in the system browser, but only http(s). */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Response headers with our CSP added (replacing any the response carried). */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  out['Content-Security-Policy'] = [csp];
  return out;
}
