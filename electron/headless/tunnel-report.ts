import type { TunnelStatus } from '../../shared/model/tunnel';

export interface ReportLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * What the CLI prints for a tunnel state: the live hook URL on stdout (scripts read it), state
 * and problems on stderr. Nothing for "off" before anything was started.
 */
function tunnelLine(status: TunnelStatus, now: number): ReportLine | null {
  switch (status.state) {
    case 'off':
      return null;
    case 'starting':
      return { stream: 'stderr', text: `Tunnel: starting (${status.provider})…` };
    case 'online':
      return { stream: 'stdout', text: `Public: ${status.hookUrl}` };
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return {
        stream: 'stderr',
        text: `Tunnel: reconnecting (attempt ${status.attempt}, in ${seconds} s): ${status.reason}`,
      };
    }
    case 'error':
      return { stream: 'stderr', text: `Tunnel: ${status.message}` };
  }
}

/** A reporter that prints each distinct line once in a row (a state pushed twice prints once). */
export function createTunnelReporter(write: (line: ReportLine) => void, now: () => number = Date.now) {
  let last: string | null = null;
  return (status: TunnelStatus) => {
    const line = tunnelLine(status, now());
    const key = line ? `${line.stream}:${line.text}` : null;
    if (key === last) return;
    last = key;
    if (line) write(line);
  };
}
