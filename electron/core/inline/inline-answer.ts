import type { HeaderList } from '../../../shared/model/exchange';
import type { InlineRequestType, InlineVerdict } from '../../../shared/model/inline';
import type { JsonRecord } from '../../../shared/okta/json-access';
import { judgeAnswer } from '../../../shared/okta/inline/verdict';
import { renderTemplate } from '../../../shared/okta/inline/render-template';
import type { Answer } from '../receiver/respond';

/** An answer chosen here (template or breakpoint): JSON, or 204 when left empty. */
export function jsonAnswer(text: string): Answer {
  if (text.trim() === '') return { status: 204, headers: [], body: Buffer.alloc(0), delayMs: 0 };
  const body = Buffer.from(text, 'utf8');
  return {
    status: 200,
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(body.length)],
    ],
    body,
    delayMs: 0,
  };
}

export const templateText = (template: string, type: InlineRequestType, request: JsonRecord | null) =>
  renderTemplate(template, type, request).text;

const contentTypeOf = (headers: HeaderList) =>
  headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];

/** What Okta does with `answer`, sent `elapsedMs` after the call arrived. */
export function verdictFor(
  type: InlineRequestType,
  request: JsonRecord | null,
  answer: Pick<Answer, 'status' | 'headers' | 'body'>,
  elapsedMs?: number,
): InlineVerdict {
  return judgeAnswer({
    type,
    request,
    status: answer.status,
    contentType: contentTypeOf(answer.headers),
    body: answer.body.toString('utf8'),
    size: answer.body.length,
    ...(elapsedMs === undefined ? {} : { elapsedMs }),
  });
}
