import type { InlineFinding } from '../../model/inline';
import { isRecord } from '../json-access';
import { reject, warn, type AnswerCommand } from './answer-shape';
import { profileValueFindings } from './profile-rules';

/** `{ key: one of values }` and nothing else, or why not. */
function exactly(value: unknown, key: string, allowed: string[]): string | null {
  if (isRecord(value) && Object.keys(value).length === 1 && allowed.includes(String(value[key]))) return null;
  return `com.okta.action.update takes exactly { "${key}": ${allowed.map((v) => `"${v}"`).join(' | ')} }`;
}

/**
 * Password import answers: one `action.update` with the verdict on the password
 * (https://developer.okta.com/docs/guides/password-import-inline-hook/).
 */
export function passwordFindings(
  commands: AnswerCommand[],
  failed: string,
  hasError: boolean,
): InlineFinding[] {
  const findings: InlineFinding[] = [];
  for (const command of commands) {
    const problem = exactly(command.value, 'credential', ['VERIFIED', 'UNVERIFIED']);
    if (problem !== null)
      findings.push(reject('password.action', `${failed}: ${problem}`, `commands[${command.index}]`));
  }
  if (commands.length > 1)
    findings.push(warn('password.action', 'Okta expects one command; the last one decides.'));
  if (hasError)
    findings.push(warn('password.error', 'Okta does not document an error object for password import.'));
  return findings;
}

export function passwordApplied(commands: AnswerCommand[]): string {
  const verdict = commands.map((c) => (isRecord(c.value) ? c.value.credential : undefined)).pop();
  return verdict === 'VERIFIED'
    ? 'Okta signs the user in and keeps the password: the hook is not called again for this user'
    : 'Okta refuses the sign-in (password UNVERIFIED)';
}

function importCommandFindings(command: AnswerCommand, failed: string): InlineFinding[] {
  const where = `commands[${command.index}]`;
  if (command.type === 'com.okta.action.update') {
    const problem = exactly(command.value, 'result', ['CREATE_USER', 'LINK_USER']);
    return problem === null ? [] : [reject('import.action', `${failed}: ${problem}`, where)];
  }
  if (command.type === 'com.okta.user.update') {
    const ok = isRecord(command.value) && typeof command.value.id === 'string' && command.value.id !== '';
    return ok
      ? []
      : [reject('import.link', `${failed}: com.okta.user.update takes { "id": "<Okta user id>" }`, where)];
  }
  return profileValueFindings(command, failed);
}

/**
 * User import answers: profile updates, CREATE_USER or LINK_USER, and the user to link to
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/).
 */
export function userImportFindings(commands: AnswerCommand[], failed: string): InlineFinding[] {
  const findings = commands.flatMap((command) => importCommandFindings(command, failed));
  const links = commands.some((c) => isRecord(c.value) && c.value.result === 'LINK_USER');
  if (links && !commands.some((c) => c.type === 'com.okta.user.update'))
    findings.push(
      reject('import.link', `${failed}: LINK_USER needs a com.okta.user.update command naming the user`),
    );
  return findings;
}

export function userImportApplied(commands: AnswerCommand[]): string {
  const links = commands.some((c) => isRecord(c.value) && c.value.result === 'LINK_USER');
  const updates = commands.filter((c) => c.type.endsWith('profile.update')).length;
  const action = links ? 'links the app user to an existing Okta user' : 'creates the user';
  return `Okta ${action}${updates > 0 ? ` with ${updates} profile update${updates === 1 ? '' : 's'}` : ''}`;
}
