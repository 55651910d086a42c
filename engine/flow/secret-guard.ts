import type { Json } from '../json';
import { isJsonObject } from '../json';

/**
 * What a shared flow file must not carry: secrets, a customer's host names or web addresses, e-mail addresses,
 * and ids of an account at Visma.net or CCV Shop (tenant/company/client ids, GUIDs). Connections hold all of
 * that, and they stay on each machine.
 */

const normalize = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

const SECRET_KEYS = /^(password|passwd|pwd|pass|passphrase|secret|clientsecret|secretkey|apisecret|apikey|privatekey|token|accesstoken|refreshtoken|idtoken|bearer|authorization|auth|credentials?|hash|hmac|signature|cookie|session)$/;
const SECRET_KEY_PARTS = /(password|secret|token|apikey|privatekey|hmac|credential)/;
const ACCOUNT_KEYS = /^(tenant|tenantid|companyid|clientid|publickey|shopid|accountid|subscriptionid|licensekey|licenceid)$/;
const HOST_KEYS = /^(host|hostname|baseurl|url|uri|domain|endpoint|apiurl|apihost|shopurl|webshopurl|server)$/;

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s'"`,;<>()]+/i;
const WWW_RE = /\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
// Whole-value host names only, with top-level domains that do not double as field names (".net" is a VAT field).
const HOST_RE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:nl|be|de|com|eu|fr|uk|org|io|lu|at|ch)(?::\d+)?(?:\/\S*)?$/i;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const JWT_RE = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/;
const PEM_RE = /-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE)-----/;
const BEARER_RE = /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{10,}/;
const GUID_RE = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const TOKENISH_RE = /^[A-Za-z0-9+/_=-]{32,}$/;

export interface ShareFinding {
  /** Path inside the checked value, e.g. `params.webhook.url`. */
  path: string;
  reason: string;
}

/** Why a key's value may not be shared, judged on the key alone. */
export function riskyKey(key: string): string | undefined {
  const k = normalize(key);
  if (SECRET_KEYS.test(k) || SECRET_KEY_PARTS.test(k)) return 'its name says it holds a secret';
  if (ACCOUNT_KEYS.test(k)) return 'its name says it holds an account id';
  if (HOST_KEYS.test(k)) return 'its name says it holds a host name or web address';
  return undefined;
}

function tokenLike(s: string): boolean {
  if (!TOKENISH_RE.test(s)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(s)).length;
  return classes >= 3 || (/^[0-9a-f]+$/i.test(s) && s.length >= 40);
}

/** Why a text may not be shared, judged on its content. */
export function riskyText(s: string): string | undefined {
  if (PEM_RE.test(s)) return 'it contains a private key or certificate';
  if (JWT_RE.test(s)) return 'it contains an access token';
  if (BEARER_RE.test(s)) return 'it contains a login header';
  if (URL_RE.test(s) || WWW_RE.test(s) || HOST_RE.test(s.trim())) return 'it contains a web address or host name';
  if (EMAIL_RE.test(s)) return 'it contains an e-mail address';
  if (GUID_RE.test(s)) return 'it looks like a tenant or account id';
  if (tokenLike(s.trim())) return 'it looks like a key or token';
  return undefined;
}

/** Blanks out the risky parts of free text (names, descriptions) instead of dropping it. */
export function scrubText(s: string): string {
  const all = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let out = s;
  for (const re of [PEM_RE, JWT_RE, BEARER_RE, URL_RE, WWW_RE, EMAIL_RE, GUID_RE]) out = out.replace(all(re), '[removed]');
  return riskyText(out) ? '[removed]' : out;
}

/** Removes risky keys and values from JSON; returns the cleaned copy and what was removed. */
export function stripRisky(value: Json, path: string): { value: Json | undefined; findings: ShareFinding[] } {
  const findings: ShareFinding[] = [];
  const walk = (v: Json, p: string): Json | undefined => {
    if (typeof v === 'string') {
      const reason = riskyText(v);
      if (reason) {
        findings.push({ path: p, reason });
        return undefined;
      }
      return v;
    }
    if (Array.isArray(v)) {
      const out: Json[] = [];
      v.forEach((item, i) => {
        const w = walk(item, `${p}[${i}]`);
        if (w !== undefined) out.push(w);
      });
      return out;
    }
    if (isJsonObject(v)) {
      const out: Record<string, Json> = {};
      for (const [k, child] of Object.entries(v)) {
        const childPath = p ? `${p}.${k}` : k;
        const keyReason = riskyKey(k);
        if (keyReason && child !== null && child !== '' && typeof child !== 'boolean') {
          findings.push({ path: childPath, reason: keyReason });
          continue;
        }
        const w = walk(child, childPath);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, path), findings };
}
