import type { InlineRequestType } from '../../model/inline';
import type { JsonRecord } from '../json-access';
import { variableValue } from './template-variables';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_$-]+)*)\s*\}\}/y;

export interface RenderedTemplate {
  text: string;
  /** Variables the request does not have; they were left empty. */
  missing: string[];
}

/** JSON string content without the quotes: the request cannot close the string it lands in. */
const inString = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text).slice(1, -1);
};

/**
 * Fill `{{variables}}` from the request. Inside a JSON string a value is escaped into it;
 * elsewhere it is written as a JSON value, so whatever the request carries (it comes from the
 * internet) can never change the answer's structure.
 */
export function renderTemplate(
  template: string,
  type: InlineRequestType,
  request: JsonRecord | null,
): RenderedTemplate {
  let text = '';
  let quoted = false;
  const missing: string[] = [];
  for (let i = 0; i < template.length;) {
    PLACEHOLDER.lastIndex = i;
    const match = template[i] === '{' ? PLACEHOLDER.exec(template) : null;
    if (match) {
      const name = match[1] ?? '';
      const value = variableValue(type, request, name);
      if (value === undefined) missing.push(name);
      text += quoted ? inString(value ?? '') : JSON.stringify(value ?? null);
      i += match[0].length;
      continue;
    }
    const char = template[i] ?? '';
    if (char === '\\' && quoted) {
      text += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '"') quoted = !quoted;
    text += char;
    i += 1;
  }
  return { text, missing };
}
