import type { InlineFinding, InlineRequestType } from '../../model/inline';
import { isRecord } from '../json-access';
import { reject, warn, type AnswerCommand } from './answer-shape';

const UPDATE = {
  registration: 'com.okta.user.profile.update',
  'progressive-profile': 'com.okta.user.progressive.profile.update',
} as const;

type ProfileType = keyof typeof UPDATE;

/** A profile update is a flat map of attribute names to values; the password is never one. */
export function profileValueFindings(command: AnswerCommand, failed: string): InlineFinding[] {
  const where = `commands[${command.index}]`;
  if (!isRecord(command.value))
    return [
      reject('profile.value', `${failed}: ${command.type} takes an object of profile attributes`, where),
    ];
  const findings: InlineFinding[] = [];
  if (Object.hasOwn(command.value, 'password'))
    findings.push(reject('profile.password', `${failed}: a hook cannot set the password`, where));
  for (const [name, value] of Object.entries(command.value))
    if (isRecord(value))
      findings.push(
        warn(
          'profile.value',
          `\`${name}\` is an object; profile attributes are plain values or arrays.`,
          where,
        ),
      );
  return findings;
}

function actionFindings(command: AnswerCommand, failed: string): InlineFinding[] {
  const where = `commands[${command.index}]`;
  const value = command.value;
  const keys = isRecord(value) ? Object.keys(value) : [];
  if (!isRecord(value) || keys.length !== 1 || !['ALLOW', 'DENY'].includes(String(value.registration)))
    return [
      reject(
        'profile.action',
        `${failed}: com.okta.action.update takes exactly { "registration": "ALLOW" | "DENY" }`,
        where,
      ),
    ];
  return [];
}

/**
 * Registration and progressive profile answers
 * (https://developer.okta.com/docs/guides/registration-inline-hook/): each uses its own update
 * command, `action.update` allows or denies, and an `error` stops every command.
 */
export function profileFindings(
  type: ProfileType,
  commands: AnswerCommand[],
  failed: string,
  hasError: boolean,
): InlineFinding[] {
  const findings = commands.flatMap((command) => {
    if (command.type === UPDATE[type]) return profileValueFindings(command, failed);
    if (command.type === 'com.okta.action.update') return actionFindings(command, failed);
    return [];
  });
  if (hasError && commands.length > 0)
    findings.push(
      warn('profile.error', 'The answer has an error object, so Okta runs none of its commands.'),
    );
  return findings;
}

export function profileApplied(type: InlineRequestType, commands: AnswerCommand[]): string {
  const what = type === 'registration' ? 'registration' : 'profile update';
  const denied = commands.some((c) => isRecord(c.value) && c.value.registration === 'DENY');
  if (denied) return `Okta denies the ${what}, as your answer says`;
  const update = commands.find((c) => c.type.endsWith('profile.update'));
  const names = update && isRecord(update.value) ? Object.keys(update.value).join(', ') : '';
  return names === '' ? `Okta allows the ${what}` : `Okta allows the ${what} and sets ${names}`;
}

export const isProfileType = (type: InlineRequestType): type is ProfileType => type in UPDATE;
