import type { CSSProperties } from 'react';
import { visible } from '../../ui/visible-text';

/** The characters of a middle segment a cut type keeps: `sess` tells `session` from `security`. */
const SEGMENT_START = 4;
/** The most a cut head keeps, whatever its segments (only a hostile sender's are that long). */
const MOST_KEPT = 24;

/**
 * An event type that, short of room, gives up its middle: the start elides and the last
 * segment stays whole, so `user.session.start` and `user.session.end` still read apart next to
 * a badge (`user.sess….start`). Okta names types object first, action last.
 */
export function TypeName({ type }: { type: string }) {
  const text = visible(type);
  const cut = text.lastIndexOf('.');
  if (cut <= 0) return <span className="type-name__head">{text}</span>;
  return (
    <>
      <span className="type-name__head">{text.slice(0, cut)}</span>
      <span className="type-name__tail">{text.slice(cut)}</span>
    </>
  );
}

/**
 * How narrow the box around a `TypeName` may get, as CSS variables (list.css): its head keeps
 * its first segment and the start of each middle one, then an ellipsis (`user.sess…`), and its
 * tail stays whole. Badges beside it give way before it gets any narrower.
 */
export function typeNameWidths(type: string): CSSProperties {
  const text = visible(type);
  const cut = text.lastIndexOf('.');
  const head = cut <= 0 ? text : text.slice(0, cut);
  const [first = '', ...middle] = head.split('.');
  const kept = middle.reduce(
    (sum, segment) => sum + 1 + Math.min(SEGMENT_START, segment.length),
    first.length,
  );
  // One character more for the ellipsis, unless the head fits whole in that.
  const headMin = Math.min(head.length, kept + 1, MOST_KEPT);
  return {
    // A quarter pixel of slack, as for the head's widest (list.css).
    '--type-head-min': `calc(${headMin}ch + 0.25px)`,
    '--type-tail': `${cut <= 0 ? 0 : text.length - cut}ch`,
  } as CSSProperties;
}
