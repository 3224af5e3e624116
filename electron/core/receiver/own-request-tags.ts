import { randomBytes } from 'node:crypto';
import type { ExchangeOrigin, HeaderList } from '../../../shared/model/exchange';

/** Marks requests the engine sends to its own receiver (samples, replays through the receiver). */
export const TAG_HEADER = 'X-Inspector-Tag';

export interface TagInfo {
  origin: Exclude<ExchangeOrigin, 'live' | 'imported'>;
  replayOf?: string;
}

interface Pending {
  info: TagInfo;
  resolve: (exchangeId: string | null) => void;
}

/**
 * One-time tags for the engine's own requests. Only a tag issued here counts, so a request from
 * outside cannot pass itself off as a sample; the tag header is removed before recording, so the
 * exchange shows exactly what Okta would have sent.
 */
export class OwnRequestTags {
  private readonly pending = new Map<string, Pending>();

  /**
   * A tag to send in TAG_HEADER; `stored` resolves with the recorded exchange's id, or null if
   * the tag is withdrawn first.
   */
  issue(info: TagInfo): { token: string; stored: Promise<string | null> } {
    const token = randomBytes(16).toString('hex');
    const stored = new Promise<string | null>((resolve) => this.pending.set(token, { info, resolve }));
    return { token, stored };
  }

  /** Withdraw a tag (its request is over); does nothing once it was recorded. */
  withdraw(token: string): void {
    this.pending.get(token)?.resolve(null);
    this.pending.delete(token);
  }

  /** If the request carries a tag issued here: what it is, and the headers without the tag. */
  claim(headers: HeaderList): { token: string; info: TagInfo; headers: HeaderList } | null {
    const index = headers.findIndex(([name]) => name.toLowerCase() === TAG_HEADER.toLowerCase());
    const token = index === -1 ? undefined : headers[index]?.[1];
    const pending = token === undefined ? undefined : this.pending.get(token);
    if (token === undefined || pending === undefined) return null;
    return { token, info: pending.info, headers: headers.filter((_, i) => i !== index) };
  }

  /** The tagged request was stored as `exchangeId`. */
  recorded(token: string, exchangeId: string): void {
    this.pending.get(token)?.resolve(exchangeId);
    this.pending.delete(token);
  }
}
