import { createHash } from 'node:crypto';
import { CcvClient } from '../connectors/ccv-shop/index';
import { VismaClient } from '../connectors/visma-net/index';
import { HostError, messageOf } from './errors';
import { TYPE_LABEL } from './labels';
import type { DemoLease } from './services/demo-lease';
import { secretEnvName } from './secret-env';
import type { StoredConnection } from './stored';

/** The glue between stored connections and the connectors: one client per connection, reused while unchanged. */
export type ConnectorClient = VismaClient | CcvClient;

export interface ClientFactory {
  clientFor(connection: StoredConnection): Promise<ConnectorClient>;
  /** "Test connection": never throws; the message says what works or what to fix. */
  test(connection: StoredConnection): Promise<{ ok: boolean; message: string }>;
  /** Drops a cached client (after the connection changed or was removed). */
  forget(connectionId: string): void;
}

export function createClientFactory(deps: { secretOf: (id: string) => Promise<string | null>; lease: DemoLease }): ClientFactory {
  const cache = new Map<string, { fingerprint: string; client: ConnectorClient }>();

  /** Demo connections follow the embedded simulators, whose ports change with every start of Koppel. */
  async function effective(connection: StoredConnection): Promise<{ settings: Record<string, string>; secret: string | null }> {
    if (!connection.demo) return { settings: connection.settings, secret: await deps.secretOf(connection.id) };
    const sims = await deps.lease.acquire();
    if (connection.type === 'visma-net') {
      const { clientId, clientSecret, tenantId } = sims.visma.credentials;
      return { settings: { clientId, tenantId, tokenUrl: sims.visma.tokenUrl, apiUrl: sims.visma.apiUrl, salesOrderUrl: sims.visma.salesOrderUrl }, secret: clientSecret };
    }
    const prefix = connection.settings.referencePrefix;
    return { settings: { baseUrl: sims.ccv.url, publicKey: sims.ccv.credentials.publicKey, ...(prefix ? { referencePrefix: prefix } : {}) }, secret: sims.ccv.credentials.secretKey };
  }

  function build(connection: StoredConnection, settings: Record<string, string>, secret: string): ConnectorClient {
    const need = (key: string, label: string): string => {
      const value = settings[key];
      if (value === undefined || value === '') throw new HostError('invalid-input', `Connection '${connection.name}': ${label} is missing. Enter it under Connections.`);
      return value;
    };
    try {
      if (connection.type === 'visma-net') {
        return new VismaClient({
          clientId: need('clientId', 'Client ID'),
          clientSecret: secret,
          tenantId: need('tenantId', 'Tenant ID'),
          ...(settings.tokenUrl ? { tokenUrl: settings.tokenUrl } : {}),
          ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
          ...(settings.salesOrderUrl ? { salesOrderUrl: settings.salesOrderUrl } : {}),
        });
      }
      return new CcvClient({ baseUrl: need('baseUrl', 'Shop URL'), publicKey: need('publicKey', 'Public key'), secretKey: secret, ...(settings.referencePrefix ? { referencePrefix: settings.referencePrefix } : {}) });
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw new HostError('invalid-input', `Connection '${connection.name}': ${messageOf(error)}`);
    }
  }

  async function clientFor(connection: StoredConnection): Promise<ConnectorClient> {
    const { settings, secret } = await effective(connection);
    if (secret === null || secret === '') {
      const what = connection.type === 'visma-net' ? 'client secret' : 'secret key';
      throw new HostError(
        'conflict',
        `Connection '${connection.name}' has no ${what} stored. Enter it under Connections, or set the environment variable ${secretEnvName(connection.id)}.`,
      );
    }
    // The fingerprint only tells "changed or not"; it is a hash so no second copy of the secret is kept.
    const fingerprint = createHash('sha256').update(JSON.stringify([connection.type, settings, secret])).digest('hex');
    const cached = cache.get(connection.id);
    if (cached && cached.fingerprint === fingerprint) return cached.client;
    const client = build(connection, settings, secret);
    cache.set(connection.id, { fingerprint, client });
    return client;
  }

  return {
    clientFor,
    forget: (id) => {
      cache.delete(id);
    },
    async test(connection) {
      let client: ConnectorClient;
      try {
        client = await clientFor(connection);
      } catch (error) {
        return { ok: false, message: messageOf(error) };
      }
      try {
        const result = await client.test();
        return { ok: result.ok, message: result.message };
      } catch (error) {
        return { ok: false, message: `Testing ${TYPE_LABEL[connection.type]} connection '${connection.name}' failed: ${messageOf(error)}` };
      }
    },
  };
}
