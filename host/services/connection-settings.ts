import type { SlotType } from '../../engine/flow/schema';
import { HostError } from '../errors';
import { TYPE_LABEL } from '../labels';

interface FieldSpec {
  label: string;
  required: boolean;
  url?: boolean;
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
    clean[key] = spec.url ? value.replace(/\/+$/, '') : value;
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.required && clean[key] === undefined) {
      throw new HostError('invalid-input', `Connection '${name}': ${spec.label} is missing. Enter the ${spec.label} of your ${TYPE_LABEL[type]} account.`);
    }
  }
  return clean;
}
