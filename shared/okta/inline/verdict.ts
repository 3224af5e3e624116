import type { InlineFinding, InlineRequestType, InlineVerdict } from '../../model/inline';
import {
  checkAnswerShape,
  reject,
  type AnswerCommand,
  type AnswerInput,
  type ParsedAnswer,
} from './answer-shape';
import { inlineType } from './catalog';
import { passwordApplied, passwordFindings, userImportApplied, userImportFindings } from './import-rules';
import { isProfileType, profileApplied, profileFindings } from './profile-rules';
import { samlApplied, samlFindings } from './saml-rules';
import { telephonyApplied, telephonyFindings } from './telephony-rules';
import { tokenApplied, tokenFindings } from './token-rules';

export type { AnswerInput } from './answer-shape';

/** Commands the type does not take; the wrong update for registration's two variants says which. */
function commandTypeFindings(type: InlineRequestType, commands: AnswerCommand[]): InlineFinding[] {
  const info = inlineType(type);
  return commands.flatMap((command) => {
    if (info.commands.includes(command.type)) return [];
    const hint =
      type === 'progressive-profile' && command.type === 'com.okta.user.profile.update'
        ? ' (a progressive profile answer uses com.okta.user.progressive.profile.update)'
        : type === 'registration' && command.type === 'com.okta.user.progressive.profile.update'
          ? ' (a registration answer uses com.okta.user.profile.update)'
          : ` (it takes ${info.commands.join(', ')})`;
    const message = `${info.onFailure}: ${info.label} hooks do not accept ${command.type}${hint}`;
    return [reject('command-type', message, `commands[${command.index}]`)];
  });
}

function typeFindings(type: InlineRequestType, parsed: ParsedAnswer, input: AnswerInput): InlineFinding[] {
  const failed = inlineType(type).onFailure;
  const commands = parsed.commands.filter((c) => inlineType(type).commands.includes(c.type));
  const hasError = parsed.error !== null;
  if (type === 'token') return tokenFindings(commands, input.request);
  if (type === 'saml') return samlFindings(commands, input.request);
  if (isProfileType(type)) return profileFindings(type, commands, failed, hasError);
  if (type === 'password-import') return passwordFindings(commands, failed, hasError);
  if (type === 'user-import') return userImportFindings(commands, failed);
  return telephonyFindings(commands, failed, hasError);
}

function appliedSummary(type: InlineRequestType, commands: AnswerCommand[]): string {
  if (type === 'token') return tokenApplied(commands);
  if (type === 'saml') return samlApplied(commands);
  if (isProfileType(type)) return profileApplied(type, commands);
  if (type === 'password-import') return passwordApplied(commands);
  if (type === 'user-import') return userImportApplied(commands);
  return telephonyApplied(commands);
}

/** A record keeps this many findings; an answer with thousands of bad operations says so once. */
export const MAX_FINDINGS = 50;

function capped(findings: InlineFinding[]): InlineFinding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const more = findings.length - MAX_FINDINGS;
  return [
    ...findings.slice(0, MAX_FINDINGS),
    { severity: 'warn', rule: 'more', message: `${more} more findings not listed.` },
  ];
}

function summaryOf(
  type: InlineRequestType,
  findings: InlineFinding[],
  parsed: ParsedAnswer | null,
): InlineVerdict {
  const info = inlineType(type);
  const rejected = findings.find((f) => f.severity === 'reject');
  if (rejected) {
    // Type rules already say what Okta does; shape rules say only what is wrong.
    const summary = rejected.message.startsWith(info.onFailure)
      ? rejected.message
      : `${info.onFailure}: ${rejected.message}`;
    return { outcome: 'failed', summary, findings };
  }
  if (parsed?.error) {
    const said = typeof parsed.error.errorSummary === 'string' ? `: "${parsed.error.errorSummary}"` : '';
    return { outcome: 'error', summary: `${info.onError}${said}`, findings };
  }
  if (parsed === null || parsed.commands.length === 0)
    return { outcome: 'default', summary: info.onDefault, findings };
  return { outcome: 'applied', summary: appliedSummary(type, parsed.commands), findings };
}

/**
 * What Okta does with an answer to an inline call of `type`, in Okta's terms: every rule of
 * https://developer.okta.com/docs/concepts/inline-hooks/ and the type's own page, checked.
 * Pure: the same check runs before sending (templates, breakpoints) and after (the record).
 */
export function judgeAnswer(input: AnswerInput): InlineVerdict {
  const shape = checkAnswerShape(input);
  const findings = [...shape.findings];
  if (shape.answer !== null) {
    findings.push(...commandTypeFindings(input.type, shape.answer.commands));
    findings.push(...typeFindings(input.type, shape.answer, input));
  }
  const verdict = summaryOf(input.type, findings, shape.answer);
  // A summary quotes the answer (an errorSummary, attribute names): kept to a readable length.
  const summary = verdict.summary.length > 2000 ? `${verdict.summary.slice(0, 2000)}…` : verdict.summary;
  return { ...verdict, summary, findings: capped(verdict.findings) };
}
