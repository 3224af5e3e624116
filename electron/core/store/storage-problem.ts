/** One sentence for the UI: why deliveries are being refused with 503. */
export function storageProblem(error: Error): string {
  const code = String((error as NodeJS.ErrnoException).code ?? '');
  // The record log reports errno codes; the index (SQLite) its own result codes.
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) {
    return 'The disk is full: deliveries are answered 503 so that Okta retries.';
  }
  if (['EACCES', 'EPERM', 'EROFS'].includes(code) || /^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code)) {
    return 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.';
  }
  return `Storing failed (${error.message}): deliveries are answered 503 so that Okta retries.`;
}
