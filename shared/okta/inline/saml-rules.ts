import type { InlineFinding } from '../../model/inline';
import { isRecord, type JsonRecord } from '../json-access';
import { reject, type AnswerCommand } from './answer-shape';
import { applyOp, cloneJson, parsePointer, readOps, type PatchOp } from './json-patch';
import { dig } from './request-facts';

/** Where a SAML patch may go (https://developer.okta.com/docs/guides/saml-inline-hook/). */
const ROOTS = ['subject', 'authentication', 'conditions', 'claims'];
const FAILED = 'Okta sends the original assertion without your patch';

function newAttributeProblem(value: unknown): string | null {
  if (!isRecord(value) || !Array.isArray(value.attributeValues))
    return 'a new attribute needs an object with `attributes` and an `attributeValues` array';
  return null;
}

function opProblem(op: PatchOp): string | null {
  if (op.op !== 'add' && op.op !== 'replace')
    return `\`${op.op}\` is not an operation Okta applies to assertions (add, replace)`;
  if (!op.hasValue) return `\`${op.op}\` needs a value`;
  const tokens = parsePointer(op.path);
  if (tokens === null || !ROOTS.includes(tokens[0] ?? '') || tokens.length < 2)
    return `Okta patches paths under /subject, /authentication, /conditions or /claims, not ${op.path}`;
  if (
    op.path === '/authentication/sessionLifetime' &&
    (!Number.isInteger(op.value) || (op.value as number) <= 0)
  )
    return 'sessionLifetime is a whole number of seconds';
  if (tokens[0] === 'claims' && tokens.length === 2 && op.op === 'add') return newAttributeProblem(op.value);
  return null;
}

function checkPatch(command: AnswerCommand, request: JsonRecord | null): InlineFinding[] {
  const where = `commands[${command.index}]`;
  if (!Array.isArray(command.value))
    return [
      reject('saml.value', `${FAILED}: com.okta.assertion.patch takes an array of patch operations`, where),
    ];
  const assertion = dig(request, 'data', 'assertion');
  const doc = isRecord(assertion) ? cloneJson(assertion) : null;
  const { ops, bad } = readOps(command.value);
  const findings = bad.map((index) =>
    reject('saml.op', `${FAILED}: each operation needs a string op and path`, `${where}.value[${index}]`),
  );
  for (const op of ops) {
    const problem = opProblem(op) ?? (doc === null ? null : applyOp(doc, op));
    if (problem !== null)
      findings.push(
        reject(
          'saml.op',
          `${FAILED}: ${problem} (op=${op.op}, path=${op.path})`,
          `${where}.value[${op.index}]`,
        ),
      );
  }
  return findings;
}

export const samlFindings = (commands: AnswerCommand[], request: JsonRecord | null): InlineFinding[] =>
  commands.flatMap((command) => checkPatch(command, request));

export function samlApplied(commands: AnswerCommand[]): string {
  const count = commands.reduce((sum, c) => sum + (Array.isArray(c.value) ? c.value.length : 0), 0);
  return `Okta applies your patch: ${count} change${count === 1 ? '' : 's'} to the assertion`;
}
