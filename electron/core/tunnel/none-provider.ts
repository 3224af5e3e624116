import { TunnelFailure, type TunnelProvider } from './tunnel-provider';

/** Local only: there is no tunnel to open, and asking for one says how to get a public URL. */
export const noneProvider: TunnelProvider = {
  name: 'none',
  timeoutMs: 1_000,
  sessionKey: () => 'none',
  describeTimeout: () => 'Local only: no tunnel to open.',
  connect: () =>
    Promise.reject(
      new TunnelFailure(
        'local-only',
        'Local only is selected: choose ngrok or a manual public URL to get a URL Okta can call.',
        false,
      ),
    ),
};
