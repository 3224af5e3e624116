/** What a held call's countdown shows at `now`: time left before the deadline, and its share of the budget. */
export interface Countdown {
  /** e.g. `2.4 s`; `0.0 s` once over. */
  label: string;
  /** 1 at arrival, 0 at the deadline. */
  fraction: number;
  expired: boolean;
  /** Under a second left: time to send. */
  urgent: boolean;
}

export function countdown(receivedAt: number, deadlineAt: number, now: number): Countdown {
  const left = Math.max(0, deadlineAt - now);
  const total = Math.max(1, deadlineAt - receivedAt);
  return {
    label: `${(left / 1000).toFixed(1)} s`,
    fraction: Math.min(1, left / total),
    expired: left === 0,
    urgent: left < 1000,
  };
}
