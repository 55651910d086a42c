// Test-only: begins a write and dies before finishing it, the way a crash or a power cut would.
import { openLedger } from './ledger';

const path = process.argv[2];
if (!path) throw new Error('usage: crash-writer.fixture.ts <ledger path>');
const ledger = openLedger(path);
const node = ledger.nodeLedger('flow-a', 'save', 'run-crash', false);
node.setMapping('product', 'SKU-1', 'P-1', 'h1');
node.beginWrite('product', 'SKU-2', 'h2');
process.kill(process.pid, 'SIGKILL');
