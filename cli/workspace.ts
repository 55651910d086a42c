import { mkdirSync } from 'node:fs';
import { koppelHome, type FlowDocument } from '../engine/index';
import { createConfSettings } from '../host/adapters/conf-settings';
import { createKeychainSecrets } from '../host/adapters/keychain-secrets';
import { createBindings } from '../host/services/bindings';
import { createConnections } from '../host/services/connections';
import { createClientFactory } from '../host/clients';
import { createDemoLease } from '../host/services/demo-lease';
import { startEmbeddedSimulators } from '../host/embedded-simulators';
import type { SecretStore } from '../host/types';

/**
 * The machine-local side of Koppel as the CLI sees it: settings (`conf`, the same file the desktop app writes),
 * secrets (the OS keychain, or KOPPEL_SECRET_<CONNECTION>), connections and slot bindings.
 */
export function openWorkspace(env: Readonly<Record<string, string | undefined>>, secrets: SecretStore = createKeychainSecrets()) {
  const home = koppelHome({ env });
  mkdirSync(home, { recursive: true });
  const settings = createConfSettings({ cwd: home });
  const bindings = createBindings(settings);
  const connections = createConnections({ settings, secrets, env, bindings });
  const lease = createDemoLease(startEmbeddedSimulators);
  const clients = createClientFactory({ secretOf: connections.secretOf, lease });

  /** Connector clients for every slot of `flow`, from this machine's bindings. Throws naming the unbound slot. */
  async function clientsFor(flow: FlowDocument): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [slot, connection] of bindings.resolve(flow)) out[slot] = await clients.clientFor(connection);
    return out;
  }

  return { home, settings, bindings, connections, clients, clientsFor, close: () => lease.release() };
}
export type Workspace = ReturnType<typeof openWorkspace>;
