/** One sentence for the UI: why deliveries are being refused with 503. */
export function storageProblem(error: Error): string {
  const cause = diskCause(error);
  if (cause === 'full') return 'The disk is full: deliveries are answered 503 so that Okta retries.';
  if (cause === 'read-only') {
    return 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.';
  }
  return `Storing failed (${error.message}): deliveries are answered 503 so that Okta retries.`;
}

/** A full disk or a folder that cannot be written, told by the error's code; else undefined. */
export function diskCause(error: unknown): 'full' | 'read-only' | undefined {
  const code = String((error as NodeJS.ErrnoException | null | undefined)?.code ?? '');
  // The record log reports errno codes; the index (SQLite) its own result codes.
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return 'full';
  if (['EACCES', 'EPERM', 'EROFS'].includes(code) || /^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code))
    return 'read-only';
  return undefined;
}
