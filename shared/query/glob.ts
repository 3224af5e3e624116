/**
 * A test for a glob where `*` stands for any run of characters and everything else is literal,
 * as the `type:` filter takes them. Matching takes the literal parts in order, each at its
 * leftmost place after the previous one (the first anchored at the start, the last at the
 * end): no backtracking, so a pattern with many stars costs one pass, whatever the text.
 */
export function globMatcher(pattern: string): (text: string) => boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return (text) => text === pattern;
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  return (text) => {
    if (text.length < first.length + last.length) return false;
    if (!text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
