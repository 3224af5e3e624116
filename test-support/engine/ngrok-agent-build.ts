import path from 'node:path';
import { bundleEngineScript } from './engine-bundle';

/** The ngrok agent as `scripts/build.mjs` bundles it, into `outDir`. */
export const buildNgrokAgent = (outDir: string): Promise<string> =>
  bundleEngineScript(
    'electron/core/tunnel/ngrok-agent.ts',
    path.join(outDir, 'ngrok-agent.cjs'),
    '@ngrok/ngrok',
  );
