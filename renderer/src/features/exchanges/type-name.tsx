import { visible } from '../../ui/visible-text';

/**
 * An event type that, short of room, gives up its middle: the start elides and the last
 * segment stays whole, so `user.session.start` and `user.session.end` still read apart next to
 * a badge (`user.ses….start`). Okta names types object first, action last.
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
