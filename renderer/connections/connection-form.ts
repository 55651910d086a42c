import type { ChannelInput, Connection } from '../../host/contract';

export type SlotType = Connection['type'];

export interface ConnectionField {
  /** Key in `settings` (or 'secret' for the keychain value). */
  key: string;
  secret: boolean;
  required: boolean;
  advanced: boolean;
  kind: 'text' | 'url' | 'guid';
  placeholder?: string;
  /** Text under an advanced field (key under `connections.`); default: "leave empty for the standard address". */
  hint?: 'defaultHint' | 'referencePrefixHint';
}

/**
 * The fields per connection type. Setting keys follow the connector options (VismaClient: clientId, tenantId,
 * tokenUrl, apiUrl, salesOrderUrl; CcvClient: baseUrl, publicKey); the secret goes to the keychain.
 * Empty advanced URLs mean "the connector's default" (the official Visma endpoints).
 */
export const CONNECTION_FIELDS: Record<SlotType, ConnectionField[]> = {
  'visma-net': [
    { key: 'clientId', secret: false, required: true, advanced: false, kind: 'text' },
    { key: 'secret', secret: true, required: true, advanced: false, kind: 'text' },
    { key: 'tenantId', secret: false, required: true, advanced: false, kind: 'guid', placeholder: '00000000-0000-0000-0000-000000000000' },
    { key: 'tokenUrl', secret: false, required: false, advanced: true, kind: 'url', placeholder: 'https://connect.visma.com/connect/token' },
    { key: 'apiUrl', secret: false, required: false, advanced: true, kind: 'url', placeholder: 'https://api.finance.visma.net' },
    { key: 'salesOrderUrl', secret: false, required: false, advanced: true, kind: 'url', placeholder: 'https://salesorder.visma.net' },
  ],
  'ccv-shop': [
    { key: 'baseUrl', secret: false, required: true, advanced: false, kind: 'url', placeholder: 'https://www.example-shop.nl' },
    { key: 'publicKey', secret: false, required: true, advanced: false, kind: 'text' },
    { key: 'secret', secret: true, required: true, advanced: false, kind: 'text' },
    { key: 'referencePrefix', secret: false, required: false, advanced: true, kind: 'text', placeholder: 'CCV-', hint: 'referencePrefixHint' },
  ],
};

export interface ConnectionDraft {
  id?: string;
  type: SlotType;
  name: string;
  /** Field key → typed text, including 'secret' (empty = keep the stored secret when editing). */
  values: Record<string, string>;
  /** A secret is already stored for this connection. */
  hasSecret: boolean;
}

export type FieldErrorCode = 'required' | 'url' | 'https' | 'guid';

export function draftFromConnection(c: Connection): ConnectionDraft {
  return { id: c.id, type: c.type, name: c.name, values: { ...c.settings, secret: '' }, hasSecret: c.hasSecret };
}

export function newDraft(type: SlotType): ConnectionDraft {
  return { type, name: '', values: {}, hasSecret: false };
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loopback hosts may use plain http: the demo simulators and local test servers run there. */
function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function urlProblem(text: string): FieldErrorCode | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return url.protocol === 'http:' ? 'https' : 'url';
}

/** Field key → problem. `name` is checked too. Empty when the draft can be saved. */
export function validateDraft(d: ConnectionDraft): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
  if (d.name.trim() === '') errors.name = 'required';
  for (const f of CONNECTION_FIELDS[d.type]) {
    const v = (d.values[f.key] ?? '').trim();
    if (v === '') {
      const keepsSecret = f.secret && d.hasSecret;
      if (f.required && !keepsSecret) errors[f.key] = 'required';
      continue;
    }
    if (f.kind === 'url') {
      const p = urlProblem(v);
      if (p) errors[f.key] = p;
    }
    if (f.kind === 'guid' && !GUID_RE.test(v)) errors[f.key] = 'guid';
  }
  return errors;
}

/** Trailing slashes dropped so the connectors can append paths. */
function normaliseUrl(v: string): string {
  return v.replace(/\/+$/, '');
}

/** A valid draft → the `connections.save` input. An empty secret keeps the stored one. */
export function toSaveInput(d: ConnectionDraft): ChannelInput<'connections.save'> {
  const settings: Record<string, string> = {};
  for (const f of CONNECTION_FIELDS[d.type]) {
    if (f.secret) continue;
    const v = (d.values[f.key] ?? '').trim();
    if (v === '') continue;
    settings[f.key] = f.kind === 'url' ? normaliseUrl(v) : v;
  }
  const secret = (d.values.secret ?? '').trim();
  return {
    ...(d.id ? { id: d.id } : {}),
    type: d.type,
    name: d.name.trim(),
    settings,
    ...(secret !== '' ? { secret } : {}),
  };
}
