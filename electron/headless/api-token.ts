import { randomBytes } from 'node:crypto';
import type { Logger, SecretVault } from '../core/deps';

/**
 * The browser UI's API token: `--token` for this run, else the one kept with the data folder's
 * other secrets (made on first use), so an open tab and a bookmarked Inspector link keep
 * working after a restart.
 */
export async function apiToken(
  vault: SecretVault,
  given: string | undefined,
  logger: Logger,
): Promise<string> {
  if (given !== undefined) return given;
  const kept = await vault.get('apiToken');
  if (kept !== null) return kept;
  const minted = randomBytes(24).toString('base64url');
  // A data folder that cannot be written still gets a UI: with a token for this run only.
  await vault.set('apiToken', minted).catch((error: unknown) => {
    logger.warn('the API token could not be kept; it changes on the next start', { error: String(error) });
  });
  return minted;
}
