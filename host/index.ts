import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../engine/index';
import type { NodeCatalog } from '../engine/types';
import { catalog as allNodes } from '../nodes/catalog';
import { createClientFactory } from './clients';
import type { RunEvent } from './contract';
import { dispatch, type Handlers } from './dispatch';
import { HostError, messageOf } from './errors';
import { createAppService } from './services/app';
import { createBindings } from './services/bindings';
import { createCatalogService } from './services/catalog';
import { createConnections } from './services/connections';
import { createDemoService, defaultExamplesDir } from './services/demo';
import { createDemoLease } from './services/demo-lease';
import { createFlows } from './services/flows';
import { createOptionsService } from './services/options';
import { createRuns } from './services/runs';
import { systemClock } from './services/clock';
import { createOps } from './services/ops';
import { createWizardService } from './services/wizard';
import { startEmbeddedSimulators } from './embedded-simulators';
import type { HostOptions, KoppelHost } from './types';

export type {
  Host,
  HostOptions,
  KoppelHost,
  SettingsStore,
  SecretStore,
  DemoSimulators,
  DemoSimulatorLauncher,
  Clock,
  DesktopNotification,
  OpsLogEntry,
  SchedulerOwner,
  SchedulerStart,
} from './types';
export { HostError } from './errors';

const ok = { ok: true as const };

/** The app services behind `host/contract.ts`, for Electron's IPC, `koppel serve` and tests. */
export async function createHost(opts: HostOptions & { catalog?: NodeCatalog }): Promise<KoppelHost> {
  const home = path.resolve(opts.home);
  mkdirSync(home, { recursive: true });
  const catalog = opts.catalog ?? allNodes;
  const { settings, secrets } = opts;

  const bindings = createBindings(settings);
  const connections = createConnections({ settings, secrets, env: opts.env ?? process.env, bindings });
  const lease = createDemoLease(opts.demoSimulators ?? startEmbeddedSimulators);
  const clients = createClientFactory({ secretOf: connections.secretOf, lease });
  const flows = createFlows({ home, catalog, bindings, settings });
  const options = createOptionsService({ clients, getConnection: connections.get });
  const catalogService = createCatalogService(catalog);

  let ledger: Ledger | undefined;
  const getLedger = (): Ledger => {
    if (ledger) return ledger;
    try {
      ledger = openLedger(path.join(home, 'ledger.db'));
    } catch (error) {
      throw new HostError('failed', `The run history (${path.join(home, 'ledger.db')}) could not be opened: ${messageOf(error)}. Check that the folder is writable and no other program locks the file.`);
    }
    return ledger;
  };
  const runs = createRuns({ catalog, ledger: getLedger, resolveSlots: bindings.resolve, clientFor: clients.clientFor });

  const app = createAppService({
    settings,
    home,
    mode: opts.mode,
    ...(opts.locale !== undefined ? { locale: opts.locale } : {}),
    ...(opts.version !== undefined ? { version: opts.version } : {}),
    libraryIsEmpty: async () => (await flows.entries()).length === 0,
  });
  const ops = createOps({
    home,
    settings,
    secrets,
    env: opts.env ?? process.env,
    clock: opts.clock ?? systemClock(),
    ledger: getLedger,
    flows,
    runs,
    language: app.language,
    ...(opts.notify ? { notify: opts.notify } : {}),
    ...(opts.webUrl !== undefined ? { webUrl: opts.webUrl } : {}),
    ...(opts.scheduler ? { tuning: opts.scheduler } : {}),
  });
  const demo = createDemoService({ settings, connections, bindings, catalog, lease, libraryDir: flows.dir, examplesDir: opts.examplesDir ?? defaultExamplesDir() });

  const wizard = createWizardService({
    catalog,
    flows,
    bindings,
    connectionType: (id) => connections.get(id).type,
    examplesDir: opts.examplesDir ?? defaultExamplesDir(),
  });

  const forgetConnection = (id: string): void => {
    clients.forget(id);
    options.forget(id);
  };

  const handlers: Handlers = {
    'app.info': () => app.info(),
    'settings.setLanguage': async ({ language }) => {
      app.setLanguage(language);
      return ok;
    },

    'catalog.list': async () => catalogService.list(),

    'flows.list': () => flows.list(),
    'flows.open': ({ path: file }) => flows.open(file),
    'flows.create': ({ name }) => flows.create(name),
    'flows.save': ({ path: file, flow, revision, overwrite }) => flows.save(file, flow, { ...(revision !== undefined ? { revision } : {}), overwrite }),
    'flows.delete': async ({ path: file }) => {
      await flows.delete(file);
      return ok;
    },
    'flows.validate': async ({ flow }) => flows.validate(flow),
    'flows.export': async ({ flow }) => flows.export(flow),
    'flows.inspectImport': async ({ text }) => flows.inspectImport(text),
    'flows.import': ({ text, bindings: wanted }) => flows.import(text, wanted),

    'connections.list': () => connections.list(),
    'connections.save': async (input) => {
      const saved = await connections.save(input);
      forgetConnection(saved.id);
      return saved;
    },
    'connections.remove': async ({ id }) => {
      await connections.remove(id);
      forgetConnection(id);
      return ok;
    },
    'connections.test': ({ id }) => clients.test(connections.get(id)),
    'connections.usage': async ({ id }) => {
      connections.get(id);
      const usage: { path: string; flowName: string; slot: string }[] = [];
      for (const entry of await flows.entries()) {
        if (!entry.flow) continue;
        for (const [slot, connectionId] of Object.entries(bindings.get(entry.flow.id))) {
          if (connectionId === id && entry.flow.connections[slot]) usage.push({ path: entry.path, flowName: entry.flow.name, slot });
        }
      }
      return usage;
    },

    'bindings.get': async ({ flowId }) => bindings.get(flowId),
    'bindings.set': async ({ flowId, slot, connectionId }) => {
      bindings.set(flowId, slot, connectionId);
      return ok;
    },

    'options.list': ({ connectionId, kind }) => options.list(connectionId, kind),

    'runs.start': async ({ path: file, flow, dryRun, onlyKeys }) => {
      const document = flow ?? (file !== undefined ? (await flows.open(file)).flow : undefined);
      if (!document) throw new HostError('invalid-input', 'Say which flow to run: give its file path or the flow itself.');
      return { runId: await ops.start({ flow: document, dryRun, ...(onlyKeys ? { onlyKeys } : {}) }) };
    },
    'runs.stop': async ({ runId }) => {
      runs.stop(runId);
      return ok;
    },
    'runs.list': async ({ flowId, limit }) => runs.list(flowId, limit),
    'runs.get': async ({ runId }) => runs.get(runId),
    'runs.samples': async ({ runId }) => runs.samples(runId),

    'demo.setup': () => demo.setup(),
    'wizard.createFlows': (answers) => wizard.createFlows(answers),

    ...ops.handlers,
  };

  let closed = false;
  return {
    invoke: (channel, input) => {
      if (closed) return Promise.reject(new HostError('failed', 'Koppel is shutting down.'));
      return dispatch(handlers, channel, input);
    },
    onRunEvent: (listener: (event: RunEvent) => void) => runs.onEvent(listener),
    startScheduler: (o) => ops.startScheduler(o),
    stopScheduler: () => ops.stopScheduler(),
    onOpsLog: (listener) => ops.onOpsLog(listener),
    markAbandonedRuns: () => ops.markAbandonedRuns(),
    settled: () => ops.settled(),
    async close() {
      if (closed) return;
      closed = true;
      // No new scheduled runs; running ones stop after their batch; then the last notifications go out.
      await ops.close();
      await runs.close();
      await ops.finish();
      ledger?.close();
      await lease.release();
    },
  };
}
