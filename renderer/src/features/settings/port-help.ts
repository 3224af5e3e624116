/**
 * The port field's help. Its value is the setting (0: any free port, whether saved or given for
 * this run on the command line), so the port the receiver actually got is said beside it.
 */
export function portHelp(port: number, localUrl: string | null): string {
  const restarts = 'Changing it restarts the receiver.';
  if (port !== 0 || localUrl === null) return `0 picks any free port. ${restarts}`;
  return `0 picks any free port: this run listens on ${new URL(localUrl).port}. ${restarts}`;
}
