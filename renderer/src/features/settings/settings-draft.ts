import type { SettingsPatch } from '../../../../shared/contract/schemas';
import type { RequiredHeader, SettingsView } from '../../../../shared/model/settings';
import type { TunnelProviderName } from '../../../../shared/model/tunnel';

/** The settings form as the user edits it: text fields as typed, secrets only when replaced. */
export interface Draft {
  port: string;
  hookPath: string;
  authHeader: string;
  requiredHeaders: RequiredHeader[];
  bodyLimitMb: string;
  maxCount: string;
  maxGb: string;
  /** Empty keeps the current secret. */
  newSecret: string;
  removeSecret: boolean;
  /** Empty: no forwarding. */
  forwardTarget: string;
  forwardTimeoutS: string;
  verification: 'auto' | 'forward';
  tunnelProvider: TunnelProviderName;
  ngrokDomain: string;
  publicUrl: string;
  tunnelAutoStart: boolean;
  /** Empty keeps the current authtoken. */
  newAuthtoken: string;
  removeAuthtoken: boolean;
}

export type SetDraft = <K extends keyof Draft>(key: K, value: Draft[K]) => void;

const MB = 1024 * 1024;
const GB = 1024 * MB;

export const draftOf = (settings: SettingsView): Draft => ({
  port: String(settings.port),
  hookPath: settings.hookPath,
  authHeader: settings.authHeader,
  requiredHeaders: settings.requiredHeaders,
  bodyLimitMb: String(Math.round((settings.bodyLimitBytes / MB) * 100) / 100),
  maxCount: String(settings.retention.maxCount),
  maxGb: String(Math.round((settings.retention.maxBytes / GB) * 100) / 100),
  newSecret: '',
  removeSecret: false,
  forwardTarget: settings.forward.target ?? '',
  forwardTimeoutS: String(settings.forward.timeoutMs / 1000),
  verification: settings.forward.verification,
  tunnelProvider: settings.tunnelProvider,
  ngrokDomain: settings.ngrokDomain ?? '',
  publicUrl: settings.publicUrl ?? '',
  tunnelAutoStart: settings.tunnelAutoStart,
  newAuthtoken: '',
  removeAuthtoken: false,
});

/** People paste the domain as ngrok shows it, with https:// and a slash: keep the host name. */
const hostOnly = (text: string) =>
  text
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');

const orNull = (text: string) => (text === '' ? null : text);

export function patchOf(draft: Draft): SettingsPatch {
  const patch: SettingsPatch = {
    port: Number(draft.port),
    hookPath: draft.hookPath.trim(),
    authHeader: draft.authHeader.trim(),
    requiredHeaders: draft.requiredHeaders
      .map(({ name, value }) => ({ name: name.trim(), value }))
      .filter(({ name }) => name !== ''),
    bodyLimitBytes: Math.round(Number(draft.bodyLimitMb) * MB),
    retention: { maxCount: Number(draft.maxCount), maxBytes: Math.round(Number(draft.maxGb) * GB) },
    forward: {
      target: orNull(draft.forwardTarget.trim()),
      timeoutMs: Math.round(Number(draft.forwardTimeoutS) * 1000),
      verification: draft.verification,
    },
    tunnelProvider: draft.tunnelProvider,
    ngrokDomain: orNull(hostOnly(draft.ngrokDomain)),
    publicUrl: orNull(draft.publicUrl.trim()),
    tunnelAutoStart: draft.tunnelAutoStart,
  };
  if (draft.removeSecret) patch.secret = null;
  else if (draft.newSecret !== '') patch.secret = draft.newSecret;
  if (draft.removeAuthtoken) patch.ngrokAuthtoken = null;
  else if (draft.newAuthtoken.trim() !== '') patch.ngrokAuthtoken = draft.newAuthtoken.trim();
  return patch;
}

/** The form's label for each field of the patch, as the engine names it in a rejection. */
const FIELD_LABELS: Record<string, string> = {
  port: 'Port',
  hookPath: 'Hook path',
  authHeader: 'Authentication field',
  secret: 'Authentication secret',
  requiredHeaders: 'Custom headers Okta must send',
  'forward.target': 'Forward to your handler',
  'forward.timeoutMs': 'Wait for its answer',
  bodyLimitBytes: 'Body size limit',
  'retention.maxCount': 'Keep at most (exchanges)',
  'retention.maxBytes': 'and at most (GB on disk)',
  ngrokDomain: 'ngrok domain',
  publicUrl: 'Manual public URL',
  ngrokAuthtoken: 'ngrok authtoken',
};

const labelOf = (path: string) => FIELD_LABELS[path] ?? FIELD_LABELS[path.split(/[.[]/)[0] ?? ''] ?? path;

/**
 * A rejected save names each field by its place in the patch ("✖ must start with /… → at
 * hookPath"); the form says it with the field's label instead: "Hook path: must start with /…".
 * Any other message (the port is in use, …) is shown as it is.
 */
export function settingsErrorText(message: string): string {
  const issues = [...message.matchAll(/^✖ (.*)\n\s*→ at (\S+)$/gm)];
  if (issues.length === 0) return message;
  return issues.map(([, reason, path]) => `${labelOf(path ?? '')}: ${reason ?? ''}`).join('\n');
}
