// Preloaded (node --import) into the Electronegativity run by scripts/electronegativity.mjs.
// The scanner fetches translations and Electron's release list with `got`; CI cannot reach the
// internet and a scan must not depend on it, so every such request fails at once instead.
import Module from 'node:module';

/** @type {{ _load: (request: string, ...rest: unknown[]) => unknown }} */
const loader = /** @type {any} */ (Module);
const load = loader._load;
const offline = () => Promise.reject(new Error('The security scan runs offline.'));
offline.head = offline;
loader._load = function (request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest);
};
