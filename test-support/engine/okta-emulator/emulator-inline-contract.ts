/**
 * What the emulated org accepts from a hook's answer to `/execute`, per type: the command types
 * and the value shapes of each hook's contract (the `x-webhooks` responses of
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/).
 * Written for the emulator alone: it must not share a line with the inspector's own checks.
 */
type JsonRecord = Record<string, unknown>;

const isObject = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PATCH_OPS: Record<string, string[]> = {
  'com.okta.identity.patch': ['add', 'replace', 'remove'],
  'com.okta.access.patch': ['add', 'replace', 'remove'],
  'com.okta.assertion.patch': ['add', 'replace'],
};

const COMMANDS: Record<string, string[]> = {
  'com.okta.oauth2.tokens.transform': ['com.okta.identity.patch', 'com.okta.access.patch'],
  'com.okta.saml.tokens.transform': ['com.okta.assertion.patch'],
  'com.okta.user.pre-registration': [
    'com.okta.user.profile.update',
    'com.okta.user.progressive.profile.update',
    'com.okta.action.update',
  ],
  'com.okta.user.credential.password.import': ['com.okta.action.update'],
  'com.okta.import.transform': [
    'com.okta.appUser.profile.update',
    'com.okta.user.profile.update',
    'com.okta.action.update',
    'com.okta.user.update',
  ],
  'com.okta.telephony.provider': ['com.okta.telephony.action'],
};

function patchProblem(type: string, value: unknown): string | null {
  const ops = PATCH_OPS[type];
  if (!ops) return null;
  if (!Array.isArray(value)) return `${type} value must be an array`;
  for (const op of value) {
    if (!isObject(op) || !ops.includes(String(op.op)) || typeof op.path !== 'string')
      return `Unsupported operation in ${type}`;
    if (op.op === 'remove' && op.value !== undefined && op.value !== null)
      return `Value must be null for remove operation(op=remove, path=${op.path})`;
    if (op.op !== 'remove' && (op.value === undefined || op.value === null))
      return `Value is required for add/replace operation(op=${String(op.op)}, path=${op.path})`;
  }
  return null;
}

function telephonyProblem(type: string, value: unknown): string | null {
  if (type !== 'com.okta.telephony.action') return null;
  const statuses = ['SUCCESSFUL', 'PENDING', 'FAILED'];
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => isObject(v) && statuses.includes(String(v.status)));
  return ok ? null : 'Invalid telephony action status';
}

/** Null when the org accepts the answer; otherwise the cause it reports. */
export function contractProblem(hookType: string, answer: unknown): string | null {
  if (!isObject(answer)) return 'The inline hook response is not a JSON object';
  const commands = answer.commands ?? [];
  if (!Array.isArray(commands)) return 'commands must be an array';
  for (const command of commands) {
    if (!isObject(command) || typeof command.type !== 'string') return 'Each command requires a type';
    if (!(COMMANDS[hookType] ?? []).includes(command.type))
      return `Unsupported command type: ${command.type}`;
    const problem =
      patchProblem(command.type, command.value) ?? telephonyProblem(command.type, command.value);
    if (problem) return problem;
  }
  if (hookType === 'com.okta.telephony.provider' && commands.length === 0 && answer.error === undefined)
    return 'The telephony inline hook response has no com.okta.telephony.action';
  return null;
}
