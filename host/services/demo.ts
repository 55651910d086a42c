import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlow } from '../../engine/index';
import type { SlotType } from '../../engine/flow/schema';
import type { NodeCatalog } from '../../engine/types';
import { HostError, messageOf } from '../errors';
import { readConnections } from '../stored';
import type { SettingsStore } from '../types';
import type { BindingsService } from './bindings';
import type { ConnectionsService } from './connections';
import type { DemoLease } from './demo-lease';
import { FLOW_SUFFIX, exists, readText } from './flow-files';

export const DEMO_NAMES: Record<SlotType, string> = { 'visma-net': 'Demo Visma.net', 'ccv-shop': 'Demo CCV Shop' };

export const defaultExamplesDir = (): string => fileURLToPath(new URL('../../flows-examples/', import.meta.url));

/**
 * demo.setup: embedded simulators, two demo connections bound to them, and the example flows in the library with
 * their slots bound. Safe to run again: it reuses the demo connections and never overwrites a library file.
 */
export function createDemoService(deps: {
  settings: SettingsStore;
  connections: ConnectionsService;
  bindings: BindingsService;
  catalog: NodeCatalog;
  lease: DemoLease;
  libraryDir: string;
  examplesDir: string;
}) {
  const { settings, connections, bindings, catalog, lease } = deps;

  async function demoConnections(): Promise<Record<SlotType, string>> {
    let sims;
    try {
      sims = await lease.acquire();
    } catch (error) {
      throw new HostError('failed', `The demo simulators could not start (${messageOf(error)}). Try again, or restart Koppel.`);
    }
    const existing = [...readConnections(settings).values()];
    const find = (type: SlotType) => existing.find((c) => c.demo && c.type === type)?.id;
    const visma = await connections.save(
      {
        id: find('visma-net'),
        type: 'visma-net',
        name: DEMO_NAMES['visma-net'],
        settings: {
          clientId: sims.visma.credentials.clientId,
          tenantId: sims.visma.credentials.tenantId,
          tokenUrl: sims.visma.tokenUrl,
          apiUrl: sims.visma.apiUrl,
          salesOrderUrl: sims.visma.salesOrderUrl,
        },
      },
      { demo: true },
    );
    const ccv = await connections.save(
      {
        id: find('ccv-shop'),
        type: 'ccv-shop',
        name: DEMO_NAMES['ccv-shop'],
        settings: { baseUrl: sims.ccv.url, publicKey: sims.ccv.credentials.publicKey },
      },
      { demo: true },
    );
    // No secrets stored: demo connections take the simulators' demo credentials when a client is made, so the
    // demo works on a machine without a keychain too.
    return { 'visma-net': visma.id, 'ccv-shop': ccv.id };
  }

  async function exampleFiles(): Promise<string[]> {
    try {
      return (await readdir(deps.examplesDir)).filter((n) => n.toLowerCase().endsWith(FLOW_SUFFIX)).sort();
    } catch {
      return [];
    }
  }

  return {
    async setup(): Promise<{ flows: string[]; connections: string[] }> {
      const ids = await demoConnections();
      const flows: string[] = [];
      for (const name of await exampleFiles()) {
        const target = path.join(deps.libraryDir, name);
        // The user's edits of an earlier copy win over the example.
        if (!(await exists(target))) {
          await mkdir(deps.libraryDir, { recursive: true });
          await copyFile(path.join(deps.examplesDir, name), target);
        }
        const parsed = parseFlow(await readText(target), catalog);
        if (parsed.ok) {
          // Slots the user already bound to another connection stay as they are.
          const current = bindings.get(parsed.flow.id);
          const known = readConnections(settings);
          for (const [slot, spec] of Object.entries(parsed.flow.connections)) {
            const bound = current[slot];
            if (bound === undefined || !known.has(bound)) bindings.set(parsed.flow.id, slot, ids[spec.type]);
          }
        }
        flows.push(target);
      }
      return { flows, connections: [ids['visma-net'], ids['ccv-shop']] };
    },
  };
}
