import type { SettingsPatch } from '../../../../shared/contract/schemas';
import type { RequiredHeader, SettingsView } from '../../../../shared/model/settings';

/** The settings form as typed, before validation by the engine. */
export interface Draft {
  port: string;
  hookPath: string;
  authHeader: string;
  requiredHeaders: RequiredHeader[];
  bodyLimitMb: string;
  /** Empty keeps the current secret. */
  newSecret: string;
  removeSecret: boolean;
  /** Empty: no forwarding. */
  forwardTarget: string;
  forwardTimeoutS: string;
  verification: 'auto' | 'forward';
}

const MB = 1024 * 1024;

export const draftOf = (settings: SettingsView): Draft => ({
  port: String(settings.port),
  hookPath: settings.hookPath,
  authHeader: settings.authHeader,
  requiredHeaders: settings.requiredHeaders,
  bodyLimitMb: String(Math.round((settings.bodyLimitBytes / MB) * 100) / 100),
  newSecret: '',
  removeSecret: false,
  forwardTarget: settings.forward.target ?? '',
  forwardTimeoutS: String(settings.forward.timeoutMs / 1000),
  verification: settings.forward.verification,
});

export function patchOf(draft: Draft): SettingsPatch {
  const target = draft.forwardTarget.trim();
  const patch: SettingsPatch = {
    port: Number(draft.port),
    hookPath: draft.hookPath.trim(),
    authHeader: draft.authHeader.trim(),
    requiredHeaders: draft.requiredHeaders
      .map(({ name, value }) => ({ name: name.trim(), value }))
      .filter(({ name }) => name !== ''),
    bodyLimitBytes: Math.round(Number(draft.bodyLimitMb) * MB),
    forward: {
      target: target === '' ? null : target,
      timeoutMs: Math.round(Number(draft.forwardTimeoutS) * 1000),
      verification: draft.verification,
    },
  };
  if (draft.removeSecret) patch.secret = null;
  else if (draft.newSecret !== '') patch.secret = draft.newSecret;
  return patch;
}
