import type { ReceiverStatus } from '../../../shared/model/status';

export interface ReceiverLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * What the command line prints for the receiver: its hook URL on stdout at start and again
 * whenever it moves (a new port chosen in Settings), so the printed URL is never stale; a
 * receiver that cannot listen on stderr. Each distinct line once in a row: a restart passes
 * through "not listening" without an error, which prints nothing.
 */
export function createReceiverReporter(write: (line: ReceiverLine) => void) {
  let last: string | null = null;
  return (status: ReceiverStatus) => {
    const line: ReceiverLine | null = status.hookUrl
      ? { stream: 'stdout', text: `Receiver: ${status.hookUrl}` }
      : status.error !== null
        ? { stream: 'stderr', text: `Receiver not listening: ${status.error}` }
        : null;
    if (!line || line.text === last) return;
    last = line.text;
    write(line);
  };
}
