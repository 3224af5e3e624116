import type { InlineFinding } from '../../model/inline';
import { isRecord } from '../json-access';
import { reject, warn, type AnswerCommand } from './answer-shape';

const STATUSES = ['SUCCESSFUL', 'PENDING', 'FAILED'];

function statusFindings(command: AnswerCommand, failed: string): InlineFinding[] {
  const where = `commands[${command.index}]`;
  if (!Array.isArray(command.value) || command.value.length === 0)
    return [
      reject(
        'telephony.value',
        `${failed}: com.okta.telephony.action takes an array of delivery results`,
        where,
      ),
    ];
  return command.value.flatMap((item, index): InlineFinding[] => {
    const at = `${where}.value[${index}]`;
    if (!isRecord(item) || !STATUSES.includes(String(item.status)))
      return [reject('telephony.status', `${failed}: status must be SUCCESSFUL, PENDING or FAILED`, at)];
    const missing = ['provider', 'transactionId'].filter((key) => typeof item[key] !== 'string');
    return missing.length === 0
      ? []
      : [warn('telephony.fields', `Add ${missing.join(' and ')}: Okta logs them to trace the message.`, at)];
  });
}

/**
 * Telephony answers: the result of sending the code through your provider
 * (https://developer.okta.com/docs/guides/telephony-inline-hook/).
 */
export function telephonyFindings(
  commands: AnswerCommand[],
  failed: string,
  hasError: boolean,
): InlineFinding[] {
  const findings = commands.flatMap((command) => statusFindings(command, failed));
  if (commands.length === 0 && !hasError)
    findings.push(reject('telephony.none', `${failed}: the answer has no com.okta.telephony.action`));
  return findings;
}

export function telephonyApplied(commands: AnswerCommand[]): string {
  const first = commands[0]?.value;
  const status = Array.isArray(first) && isRecord(first[0]) ? String(first[0].status) : 'SUCCESSFUL';
  return `Okta takes your provider's result (${status}) and sends nothing itself`;
}
