import type { PublicHookUrl } from '../../../shared/model/okta';
import type { Settings } from '../../../shared/model/settings';
import { checkPublicBase, hookUrlOn } from '../../../shared/okta/org-domain';
import { CommandError } from '../rpc/command-error';
import type { Channel } from './hook-runs';

/**
 * Where Okta should call: the tunnel's public hook URL while it runs, else
 * the base URL entered by hand plus the hook path.
 */
export function resolvePublicUrl(
  tunnel: string | null,
  manualBase: string | null,
  hookPath: string,
): PublicHookUrl {
  if (tunnel !== null) return { hookUrl: tunnel, source: 'tunnel', manualBase };
  if (manualBase === null) return { hookUrl: null, source: null, manualBase };
  return { hookUrl: hookUrlOn(manualBase, hookPath), source: 'manual', manualBase };
}

/** The public base URL entered by hand, checked (https only); null clears it. */
export function manualBaseOf(input: string | null): string | null {
  if (input === null) return null;
  const checked = checkPublicBase(input);
  if (!checked.ok) throw new CommandError('invalid-input', checked.message);
  return checked.url;
}

/** How Okta must call the receiver: the public URL, its secret and its required headers. */
export function hookChannel(hookUrl: string | null, settings: Settings, secret: string | null): Channel {
  if (hookUrl === null) {
    throw new CommandError('unavailable', 'There is no public URL yet: start the tunnel, or enter its URL.');
  }
  return {
    uri: hookUrl,
    auth: secret ? { header: settings.authHeader, secret } : null,
    headers: settings.requiredHeaders.map(({ name, value }) => ({ key: name, value })),
  };
}
