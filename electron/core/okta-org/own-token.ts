import { parseOktaTime } from '../../../shared/okta/timestamps';
import type { OwnWrite } from './event-hook-registry';
import type { LogEntry } from './system-log-events';

/** Okta's clock and ours may differ, and a run takes a few seconds. */
const SKEW_MS = 2 * 60_000;

/**
 * The API tokens that made the inspector's own changes: the System Log names the token behind
 * each change (`transaction.detail.requestApiTokenId`, https://developer.okta.com/docs/reference/system-log-query/#correlating-events-based-on-api-token), and the inspector knows
 * which hooks it changed and when. There is no other way to tell which token is in use.
 */
export function ownTokenIds(entries: LogEntry[], writes: OwnWrite[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    const published = parseOktaTime(entry.summary.published);
    if (entry.apiTokenId === null || published === null) continue;
    const ours = writes.some(
      (write) => entry.mentions.includes(write.hookId) && Math.abs(write.at - published) <= SKEW_MS,
    );
    if (ours) ids.add(entry.apiTokenId);
  }
  return ids;
}
