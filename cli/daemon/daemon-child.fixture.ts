// Test-only: `koppel daemon` in a child process with test nodes; starts a run that waits until it is stopped,
// so the test can send SIGTERM and watch the daemon cancel it and stop cleanly.
import { createConfSettings } from '../../host/adapters/conf-settings';
import { createMemorySecrets } from '../../host/adapters/memory-secrets';
import { createHost } from '../../host/index';
import { opsCatalog } from '../../host/services/ops.fixture';
import { waitFlow } from '../../host/testing/fixtures';
import type { KoppelHost } from '../../host/types';
import { processIo } from '../io';
import { runDaemon } from './run-daemon';

let host: KoppelHost | undefined;
const io = processIo((code) => (process.exitCode = code));
const code = await runDaemon({
  io,
  createHost: async (home, env) => {
    host = await createHost({ home, mode: 'web', settings: createConfSettings({ cwd: home }), secrets: createMemorySecrets(), env, catalog: opsCatalog() });
    return host;
  },
  onReady: () => {
    void host?.invoke('runs.start', { flow: waitFlow() });
  },
});
process.exitCode = code;
