// electron-vite: builds the main process, the sandboxed preload and the renderer into out/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const file = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Native modules stay out of the bundle; electron-builder unpacks them from the asar. */
const nativeModules = ['libsql', /^@libsql\//, '@napi-rs/keyring', /^@napi-rs\/keyring-/, 'koffi', /^@koromix\//];

export default defineConfig({
  main: {
    build: {
      outDir: file('./out/main'),
      target: 'node22',
      // Dependencies load from node_modules at run time (package.json "dependencies").
      externalizeDeps: true,
      rolldownOptions: {
        input: { main: file('./electron/main.ts') },
        external: nativeModules,
      },
    },
  },
  preload: {
    build: {
      outDir: file('./out/preload'),
      target: 'node22',
      // A sandboxed preload can only require('electron'): everything else (zod, the contract) is bundled in,
      // and it must be CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: file('./electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig(),
});
