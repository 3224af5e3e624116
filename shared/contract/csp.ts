/**
 * The renderer's Content-Security-Policy, the same in Electron (response header) and headless
 * (served header): only our own scripts and styles, no eval, no inline script, no framing, and
 * network access to our own origin only. Payload text is rendered as text, never as HTML.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
