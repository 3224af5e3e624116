import { parseArgs } from 'node:util';
import type { z } from 'zod';
import {
  ngrokDomainSchema,
  publicUrlSchema,
  targetUrlSchema,
  tunnelProviderSchema,
} from '../../shared/contract/schemas';
import type { TunnelProviderName } from '../../shared/model/tunnel';
import { portOf, SHARED_OPTIONS, sharedArgs, type SharedArgs } from '../core/settings/command-line';

export interface HeadlessArgs extends SharedArgs {
  uiPort: number;
  token?: string;
  forwardTo?: string;
  /** Open this tunnel at start (this run only). */
  tunnel?: TunnelProviderName;
  publicUrl?: string;
  ngrokDomain?: string;
  ngrokAuthtokenFile?: string;
  help: boolean;
}

export const USAGE = `Usage: npm run headless -- [options]

  --port N        receiver port on 127.0.0.1 (default: from settings, 8787; 0 = any free port)
  --ui-port N     port of the browser UI and its API on 127.0.0.1 (default 8788; 0 = any)
  --secret S      shared secret Okta sends in the auth header (this run only)
  --data-dir D    where exchanges and settings are kept (default: the desktop app's folder)
  --token T       API token for the browser UI, this run only (default: one kept in the data
                  folder, so an open tab and the Inspector link survive a restart)
  --forward-to U  pass each request on to your handler at URL U and relay its answer (this run only)
  --tunnel P      open a public URL at start: ngrok, manual or none (local only)
  --public-url U  the https URL of your own tunnel to the receiver (implies --tunnel manual)
  --ngrok-domain D
                  your reserved ngrok domain, e.g. your-name.ngrok-free.app (default: random)
  --ngrok-authtoken-file F
                  read the ngrok authtoken from file F (default: NGROK_AUTHTOKEN, then Settings)
  --okta-insecure-base-url U
                  send Okta API calls to a local Okta emulator at U (127.0.0.1, localhost or [::1]
                  only) instead of the org's https domain; for tests and offline demos
  --help          show this text

Tunnel values apply to this run only. When the tunnel is online, a line "Public: <hook URL>"
is printed; tunnel problems are printed on stderr.`;

/** Validate a flag's value with the contract's schema, so the CLI and the UI agree. */
const checked = <T>(schema: z.ZodType<T>, value: string | undefined, flag: string): T | undefined => {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`${flag} must be ${parsed.error.issues[0]?.message ?? 'valid'}, not "${value}".`);
};

/** Parse the headless command line; unknown flags and bad values throw with a message. */
export function parseHeadlessArgs(argv: string[]): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...SHARED_OPTIONS,
      'ui-port': { type: 'string' },
      token: { type: 'string' },
      'forward-to': { type: 'string' },
      tunnel: { type: 'string' },
      'public-url': { type: 'string' },
      'ngrok-domain': { type: 'string' },
      'ngrok-authtoken-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.token !== undefined && values.token.length < 16) {
    throw new Error('--token must be at least 16 characters.');
  }
  const args: HeadlessArgs = {
    uiPort: portOf(values['ui-port'], '--ui-port') ?? 8788,
    help: values.help,
    ...sharedArgs(values),
  };
  if (values.token !== undefined) args.token = values.token;
  const forwardTo = values['forward-to'];
  if (forwardTo !== undefined) {
    if (!targetUrlSchema.safeParse(forwardTo).success)
      throw new Error(`--forward-to must be an http:// or https:// URL, not "${forwardTo}".`);
    args.forwardTo = forwardTo;
  }
  Object.assign(args, tunnelArgs(values));
  return args;
}

function tunnelArgs(values: Record<string, string | boolean | undefined>): Partial<HeadlessArgs> {
  const text = (name: string) => values[name] as string | undefined;
  const publicUrl = checked(publicUrlSchema, text('public-url'), '--public-url');
  const tunnel =
    checked(tunnelProviderSchema, text('tunnel'), '--tunnel') ??
    (publicUrl === undefined ? undefined : 'manual');
  if (publicUrl !== undefined && tunnel !== 'manual') {
    throw new Error(`--public-url is the manual tunnel's URL: it cannot be used with --tunnel ${tunnel}.`);
  }
  const ngrokDomain = checked(ngrokDomainSchema, text('ngrok-domain'), '--ngrok-domain');
  const file = text('ngrok-authtoken-file');
  return {
    ...(tunnel !== undefined ? { tunnel } : {}),
    ...(publicUrl !== undefined ? { publicUrl } : {}),
    ...(ngrokDomain !== undefined ? { ngrokDomain } : {}),
    ...(file !== undefined ? { ngrokAuthtokenFile: file } : {}),
  };
}
