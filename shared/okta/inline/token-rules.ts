import type { InlineFinding } from '../../model/inline';
import { isRecord, type JsonRecord } from '../json-access';
import { reject, warn, type AnswerCommand } from './answer-shape';
import { applyOp, cloneJson, parsePointer, readOps, type PatchOp } from './json-patch';
import { dig } from './request-facts';

/**
 * Claims Okta keeps for itself; a patch that touches one is dropped whole. `aud` and `sub` may
 * be changed in access tokens only (https://developer.okta.com/docs/guides/token-inline-hook/).
 */
const RESERVED = new Set(
  (
    'acr active aid amr app_id app_type as_uri at_hash aud auth_time authorization_details c_hash cid ' +
    'client_id client_ip client_req_id client_type client_user_agent cnf device_compliance device_id ' +
    'device_known device_managed device_name device_trust did dst exp group groups hotk iat idp idp_iss ' +
    'iss jti mac_key may_act nonce oid okta_emailVerified okta_lastUpdated orig permissions purpose ' +
    'pwd_exp_days pwd_exp_time rid role rpt rsi scope scopes scp sid sub term token_type uid user_ip ' +
    'username ver'
  ).split(' '),
);
const ACCESS_MAY_CHANGE = new Set(['aud', 'sub']);

const LIFETIME_PATH = '/token/lifetime/expiration';
const LIFETIME_MIN = 300;
const LIFETIME_MAX = 86_400;

type TokenKind = 'identity' | 'access';

const TOKENS: Record<string, { kind: TokenKind; name: string }> = {
  'com.okta.identity.patch': { kind: 'identity', name: 'ID token' },
  'com.okta.access.patch': { kind: 'access', name: 'access token' },
};

/** Why one op breaks Okta's rules before it is applied, or null. */
function opProblem(op: PatchOp, kind: TokenKind): string | null {
  if (!['add', 'replace', 'remove'].includes(op.op))
    return `\`${op.op}\` is not an operation Okta applies (add, replace, remove)`;
  if (op.op === 'remove' && op.hasValue && op.value !== null) return '`remove` may not carry a value';
  if (op.op !== 'remove' && (!op.hasValue || op.value === null)) return `\`${op.op}\` needs a value`;
  if (op.path === LIFETIME_PATH) {
    if (op.op !== 'replace') return 'the token lifetime can only be replaced';
    const ok =
      Number.isInteger(op.value) &&
      (op.value as number) >= LIFETIME_MIN &&
      (op.value as number) <= LIFETIME_MAX;
    return ok
      ? null
      : `the token lifetime must be a whole number of seconds from ${LIFETIME_MIN} to ${LIFETIME_MAX}`;
  }
  const tokens = parsePointer(op.path);
  if (tokens === null || tokens[0] !== 'claims' || tokens.length < 2 || tokens[1] === '')
    return `Okta patches /claims/… or ${LIFETIME_PATH} only, not ${op.path}`;
  const claim = tokens[1] ?? '';
  if (RESERVED.has(claim) && !(kind === 'access' && ACCESS_MAY_CHANGE.has(claim)))
    return `\`${claim}\` is a reserved claim Okta does not let a hook change`;
  return null;
}

/** The part of the request a patch applies to: the token's claims and lifetime. */
function tokenDoc(request: JsonRecord | null, kind: TokenKind): JsonRecord | null {
  const token = dig(request, 'data', kind);
  if (!isRecord(token)) return null;
  return cloneJson({ claims: token.claims ?? {}, token: token.token ?? { lifetime: {} } });
}

const DROPPED = 'Okta issues the tokens without your patch';

/** Each operation in order, applied to a copy of the token so later ones see earlier changes. */
function opFindings(ops: PatchOp[], kind: TokenKind, doc: JsonRecord | null, where: string): InlineFinding[] {
  return ops.flatMap((op): InlineFinding[] => {
    const at = `${where}.value[${op.index}]`;
    const problem = opProblem(op, kind) ?? (doc === null ? null : applied(doc, op));
    if (problem !== null) return [reject('token.op', `${DROPPED}: ${problem}`, at)];
    if (op.op !== 'remove' && (Array.isArray(op.value) || typeof op.value === 'boolean'))
      return [
        warn(
          'token.value-type',
          "Okta documents string, number and object claim values; this one's type is not among them.",
          at,
        ),
      ];
    return [];
  });
}

function checkPatch(command: AnswerCommand, request: JsonRecord | null): InlineFinding[] {
  const target = TOKENS[command.type];
  if (target === undefined) return [];
  const where = `commands[${command.index}]`;
  if (!Array.isArray(command.value))
    return [reject('token.value', `${DROPPED}: ${command.type} takes an array of patch operations`, where)];
  const doc = tokenDoc(request, target.kind);
  if (doc === null && request !== null) {
    const message = `${DROPPED}: no ${target.name} is being minted, so ${command.type} cannot apply`;
    return [reject('token.absent', message, where)];
  }
  const { ops, bad } = readOps(command.value);
  const malformed = bad.map((index) =>
    reject('token.op', `${DROPPED}: each operation needs a string op and path`, `${where}.value[${index}]`),
  );
  return [...malformed, ...opFindings(ops, target.kind, doc, where)];
}

function applied(doc: JsonRecord, op: PatchOp): string | null {
  const error = applyOp(doc, op);
  return error === null ? null : `${error} (op=${op.op}, path=${op.path})`;
}

export function tokenFindings(commands: AnswerCommand[], request: JsonRecord | null): InlineFinding[] {
  return commands.flatMap((command) => checkPatch(command, request));
}

export function tokenApplied(commands: AnswerCommand[]): string {
  const parts = commands.flatMap((command) => {
    const target = TOKENS[command.type];
    const count = Array.isArray(command.value) ? command.value.length : 0;
    return target ? [`${count} change${count === 1 ? '' : 's'} to the ${target.name}`] : [];
  });
  return `Okta applies your patch: ${parts.join(', ')}`;
}
