/** Command-line options of the desktop app (the same names as headless mode), for this run only. */
export interface LaunchOptions {
  dataDir?: string;
  port?: number;
  secret?: string;
  /** An Okta emulator on this machine, for tests (see headless `--okta-insecure-base-url`). */
  oktaInsecureBaseUrl?: string;
}

const value = (argv: string[], name: string): string | undefined => {
  const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = argv.indexOf(`--${name}`);
  return index === -1 ? undefined : argv[index + 1];
};

/**
 * `--data-dir`, `--port`, `--secret` and `--okta-insecure-base-url`, read leniently: Electron and Chromium add switches of
 * their own, so unknown ones are not errors here.
 */
export function parseLaunchOptions(argv: string[]): LaunchOptions {
  const options: LaunchOptions = {};
  const dataDir = value(argv, 'data-dir');
  const port = Number(value(argv, 'port'));
  const secret = value(argv, 'secret');
  if (dataDir) options.dataDir = dataDir;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) options.port = port;
  if (secret !== undefined) options.secret = secret;
  const oktaBase = value(argv, 'okta-insecure-base-url');
  if (oktaBase !== undefined) options.oktaInsecureBaseUrl = oktaBase;
  return options;
}
