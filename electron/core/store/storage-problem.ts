/** One sentence for the UI: why deliveries are being refused with 503. */
export function storageProblem(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'The disk is full: deliveries are answered 503 so that Okta retries.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.';
  }
  return `Storing failed (${error.message}): deliveries are answered 503 so that Okta retries.`;
}
