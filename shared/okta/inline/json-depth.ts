/** Okta's inline calls nest about six levels deep; far deeper is not a call, and would exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply `text` nests arrays and objects, read without parsing (brackets inside strings do
 * not count), stopping as soon as it passes `limit`. Lets the parsers that recurse
 * (JSON.stringify, structured clone) see only bodies they can finish.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (quoted) {
      if (char === 92)
        i += 1; // backslash: skip the escaped character
      else if (char === 34) quoted = false;
    } else if (char === 34) quoted = true;
    else if (char === 91 || char === 123) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (char === 93 || char === 125) depth -= 1;
  }
  return deepest;
}
