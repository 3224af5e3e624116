import { useRef, type ReactNode } from 'react';

/**
 * Two panes side by side with a draggable divider (pointer or arrow keys). The fraction is
 * owned by the caller so it can be remembered.
 */
export function SplitPane(props: {
  fraction: number;
  onFraction: (fraction: number) => void;
  left: ReactNode;
  right: ReactNode;
}) {
  const container = useRef<HTMLDivElement>(null);
  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const divider = event.currentTarget;
    divider.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => props.onFraction((e.clientX - box.left) / box.width);
    const up = () => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', up);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowLeft') props.onFraction(props.fraction - 0.02);
    if (event.key === 'ArrowRight') props.onFraction(props.fraction + 0.02);
  };
  return (
    <div className="split" ref={container}>
      <div className="split__pane" style={{ width: `${props.fraction * 100}%` }}>
        {props.left}
      </div>
      <div
        className="split__divider"
        role="separator"
        aria-orientation="vertical"
        aria-valuenow={Math.round(props.fraction * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split__pane split__pane--grow">{props.right}</div>
    </div>
  );
}
