import type { SlotType } from '../../engine/flow/schema';
import { HostError } from '../errors';
import { TYPE_LABEL } from '../labels';

interface FieldSpec {
  label: string;
  required: boolean;
  url?: boolean;
  /** What the value must look like, and how to say so. */
  pattern?: { test: RegExp; hint: string };
}

/** The non-secret settings of each connection type, with the names a person sees in the form. */
export const CONNECTION_FIELDS: Record<SlotType, Record<string, FieldSpec>> = {
  'visma-net': {
    clientId: { label: 'Client ID', required: true },
    tenantId: { label: 'Tenant ID', required: true },
    tokenUrl: { label: 'Token URL', required: false, url: true },
    apiUrl: { label: 'API URL', required: false, url: true },
    salesOrderUrl: { label: 'SalesOrders API URL', required: false, url: true },
  },
  'ccv-shop': {
    baseUrl: { label: 'Shop URL', required: true, url: true },
    publicKey: { label: 'Public key', required: true },
    // Before this shop's order numbers in Visma.net references; given by default (see nextReferencePrefix).
    referencePrefix: { label: 'Order reference prefix', required: false, pattern: { test: /^[A-Za-z0-9._/-]{1,12}$/, hint: 'use up to 12 letters, digits or - _ . /, e.g. CCV2-' } },
  },
};

const SECRET_NAMES = /secret|password|token$|^token|apikey|privatekey/i;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks and tidies the settings of a connection; errors name the field and what to enter. */
export function cleanConnectionSettings(type: SlotType, name: string, settings: Record<string, string>): Record<string, string> {
  const fields = CONNECTION_FIELDS[type];
  const clean: Record<string, string> = {};
  for (const [key, raw] of Object.entries(settings)) {
    const spec = fields[key];
    if (!spec) {
      if (SECRET_NAMES.test(key) && !/url$/i.test(key)) {
        throw new HostError(
          'invalid-input',
          `Connection '${name}': enter the secret in the secret field, not as setting '${key}'. Koppel keeps secrets in the system keychain, never in the settings file.`,
        );
      }
      const known = Object.values(fields).map((f) => f.label).join(', ');
      throw new HostError('invalid-input', `Connection '${name}': '${key}' is not a ${TYPE_LABEL[type]} setting. Known settings: ${known}.`);
    }
    const value = raw.trim();
    if (value === '') continue;
    if (spec.url && !isHttpUrl(value)) {
      throw new HostError('invalid-input', `Connection '${name}': ${spec.label} '${value}' is not a web address. Enter it like https://example.com.`);
    }
    if (spec.pattern && !spec.pattern.test.test(value)) {
      throw new HostError('invalid-input', `Connection '${name}': ${spec.label} '${value}' is not allowed: ${spec.pattern.hint}.`);
    }
    clean[key] = spec.url ? value.replace(/\/+$/, '') : value;
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.required && clean[key] === undefined) {
      throw new HostError('invalid-input', `Connection '${name}': ${spec.label} is missing. Enter the ${spec.label} of your ${TYPE_LABEL[type]} account.`);
    }
  }
  return clean;
}

/**
 * The reference prefix a new shop connection gets when none is entered: CCV- for the first shop, CCV2-, CCV3-, ...
 * for the next, so the same order number of two shops never makes the same Visma.net reference. Demo connections
 * do not count (they book into the demo company). A connection without a prefix uses CCV-.
 */
export function nextReferencePrefix(others: readonly { type: SlotType; demo?: boolean; settings: Record<string, string> }[]): string {
  const taken = new Set(others.filter((c) => c.type === 'ccv-shop' && c.demo !== true).map((c) => (c.settings.referencePrefix ?? 'CCV-').toUpperCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? 'CCV-' : `CCV${n}-`;
    if (!taken.has(candidate)) return candidate;
  }
}
