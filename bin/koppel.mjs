#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx koppel ...` works right after `npm install`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
