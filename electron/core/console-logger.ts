import type { Logger } from './deps';

type Level = 'info' | 'warn' | 'error';

/**
 * Log lines on stderr (stdout is kept for the URLs people and scripts read). Callers pass
 * only non-secret fields; secrets never reach the logger (see the secrets test).
 */
export function createConsoleLogger(minimum: Level = 'info'): Logger {
  const order: Level[] = ['info', 'warn', 'error'];
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (order.indexOf(level) < order.indexOf(minimum)) return;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}${extra}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
