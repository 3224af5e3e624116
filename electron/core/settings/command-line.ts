import { parseArgs } from 'node:util';
import { isLoopbackOrigin } from '../../../shared/okta/org-domain';

/**
 * The flags both hosts take, with one parser (node:util parseArgs) and one set of checks, so
 * `--port abc` is refused in the same words by headless mode and by the desktop app.
 */
export const SHARED_OPTIONS = {
  port: { type: 'string' },
  secret: { type: 'string' },
  'data-dir': { type: 'string' },
  'okta-insecure-base-url': { type: 'string' },
} as const;

export interface SharedArgs {
  port?: number;
  secret?: string;
  dataDir?: string;
  oktaInsecureBaseUrl?: string;
}

/** What parseArgs gives for a flag: a string, or `true` when a lenient parse found no value. */
type Raw = string | boolean | undefined;

/** A flag's text; a lenient parse gives `true` for a flag with no value, which is an error. */
export function text(value: Raw, flag: string): string | undefined {
  if (value === true || value === false) throw new Error(`${flag} needs a value.`);
  return value;
}

export function portOf(value: Raw, flag: string): number | undefined {
  const given = text(value, flag);
  if (given === undefined) return undefined;
  const n = Number(given);
  if (given.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${flag} must be a port number between 0 and 65535, not "${given}".`);
  }
  return n;
}

/** Check the shared flags of a parse; throws with a message naming the flag. */
export function sharedArgs(values: Record<string, Raw>): SharedArgs {
  const args: SharedArgs = {};
  const port = portOf(values.port, '--port');
  if (port !== undefined) args.port = port;
  const secret = text(values.secret, '--secret');
  if (secret !== undefined) args.secret = secret;
  const dataDir = text(values['data-dir'], '--data-dir');
  if (dataDir !== undefined) {
    if (dataDir.trim() === '') throw new Error('--data-dir needs a folder.');
    args.dataDir = dataDir;
  }
  const oktaBase = text(values['okta-insecure-base-url'], '--okta-insecure-base-url');
  if (oktaBase !== undefined) {
    if (!isLoopbackOrigin(oktaBase))
      throw new Error(
        `--okta-insecure-base-url must be http(s)://127.0.0.1:<port> or localhost, not "${oktaBase}".`,
      );
    args.oktaInsecureBaseUrl = oktaBase;
  }
  return args;
}

/**
 * The desktop app's flags among everything else on its command line: Electron's own and
 * Chromium's switches (`--no-sandbox`, `--inspect=0` …) and the app path are not errors here,
 * but a flag of ours with a bad value is.
 */
export function parseDesktopArgs(argv: string[]): SharedArgs {
  const { values } = parseArgs({
    args: argv,
    options: SHARED_OPTIONS,
    strict: false,
    allowPositionals: true,
  });
  return sharedArgs(values);
}
