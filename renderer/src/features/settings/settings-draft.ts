import type { SettingsPatch } from '../../../../shared/contract/schemas';
import type { SettingsView } from '../../../../shared/model/settings';
import type { TunnelProviderName } from '../../../../shared/model/tunnel';

/** The settings form as the user edits it: text fields as typed, secrets only when replaced. */
export interface Draft {
  port: string;
  hookPath: string;
  authHeader: string;
  successStatus: '200' | '204';
  bodyLimitMb: string;
  /** Empty keeps the current secret. */
  newSecret: string;
  removeSecret: boolean;
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

export const draftOf = (settings: SettingsView): Draft => ({
  port: String(settings.port),
  hookPath: settings.hookPath,
  authHeader: settings.authHeader,
  successStatus: String(settings.successStatus) as Draft['successStatus'],
  bodyLimitMb: String(Math.round((settings.bodyLimitBytes / MB) * 100) / 100),
  newSecret: '',
  removeSecret: false,
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

export function patchOf(draft: Draft): SettingsPatch {
  const domain = hostOnly(draft.ngrokDomain);
  const publicUrl = draft.publicUrl.trim();
  const patch: SettingsPatch = {
    port: Number(draft.port),
    hookPath: draft.hookPath.trim(),
    authHeader: draft.authHeader.trim(),
    successStatus: draft.successStatus === '200' ? 200 : 204,
    bodyLimitBytes: Math.round(Number(draft.bodyLimitMb) * MB),
    tunnelProvider: draft.tunnelProvider,
    ngrokDomain: domain === '' ? null : domain,
    publicUrl: publicUrl === '' ? null : publicUrl,
    tunnelAutoStart: draft.tunnelAutoStart,
  };
  if (draft.removeSecret) patch.secret = null;
  else if (draft.newSecret !== '') patch.secret = draft.newSecret;
  if (draft.removeAuthtoken) patch.ngrokAuthtoken = null;
  else if (draft.newAuthtoken.trim() !== '') patch.ngrokAuthtoken = draft.newAuthtoken.trim();
  return patch;
}
