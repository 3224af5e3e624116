import { useEffect, useState } from 'react';
import type { InlineCheck, InlineRequestType } from '../../../../shared/model/inline';
import { useEngine } from '../../store/store-context';

/** The engine's verdict on an answer being edited, a moment after each change. */
export function useAnswerCheck(
  type: InlineRequestType,
  answer: string,
  request?: string,
): InlineCheck | null {
  const { bridge } = useEngine();
  const [check, setCheck] = useState<InlineCheck | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const input = {
        type,
        answer,
        status: answer.trim() === '' ? 204 : 200,
        ...(request === undefined ? {} : { request }),
      };
      void bridge.invoke('inline.check', input).then((result) => {
        if (live && result.ok) setCheck(result.value);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, type, answer, request]);
  return check;
}
