/**
 * Admission control for request bodies. Each body is buffered until it is stored, so a flood of
 * large bodies could take all memory. Bytes are reserved as they arrive, never as announced: a
 * request that announces 10 MiB and sends nothing holds nothing (announcing is free, so it must
 * buy nothing). Requests that failed the secret check share a quarter of the budget; the rest
 * is kept for requests that passed it (or for everyone when no secret is set, as nothing then
 * tells Okta apart), so a crowd of strangers cannot starve Okta's deliveries.
 */
export class BodyBudget {
  private held = 0;
  private heldByStrangers = 0;

  constructor(private readonly total: () => number) {}

  /** A reservation for one request; `release` it once its answer has gone out. */
  open(trusted: boolean): Reservation {
    let mine = 0;
    return {
      take: (bytes) => {
        if (this.held + bytes > this.total()) return false;
        if (!trusted && this.heldByStrangers + bytes > this.total() * STRANGERS_SHARE) return false;
        this.held += bytes;
        if (!trusted) this.heldByStrangers += bytes;
        mine += bytes;
        return true;
      },
      release: () => {
        this.held -= mine;
        if (!trusted) this.heldByStrangers -= mine;
        mine = 0;
      },
    };
  }
}

/** The part of the budget that requests which failed the secret check may use together. */
export const STRANGERS_SHARE = 0.25;

export interface Reservation {
  /** Reserve bytes that have just arrived; false when the budget (or the strangers' share) is spent. */
  take(bytes: number): boolean;
  release(): void;
}
