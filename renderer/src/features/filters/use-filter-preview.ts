import { useEffect, useState } from 'react';
import { isFilterEventType, type FilterPreview } from '../../../../shared/model/hook-filter';
import type { FieldCatalog } from '../../../../shared/okta/filter/field-catalog';
import { useAppStore, useEngine } from '../../store/store-context';

/** The preview of `expression` and the expression it was made for (its spans index that one). */
export interface Tried {
  expression: string;
  preview: FilterPreview;
}

/** An engine answer and the question it answers: shown only while that is still the question. */
interface Answer<T> {
  question: string;
  value: T | null;
  error: string | null;
}

/**
 * The expression tried on the newest captured events of its type, again after each keystroke
 * and as deliveries arrive. The last answer stays until the next one comes (no jumps while
 * typing); it names the expression and type it answers.
 */
export function useFilterPreview(eventType: string, expression: string) {
  const { bridge } = useEngine();
  const lastSeq = useAppStore((state) => state.lastSeq);
  const asking = isFilterEventType(eventType) && expression.trim() !== '';
  const question = JSON.stringify([eventType, expression]);
  const [answer, setAnswer] = useState<Answer<Tried> | null>(null);
  useEffect(() => {
    if (!asking) return;
    let current = true;
    void bridge.invoke('filters.preview', { eventType, expression }).then((result) => {
      if (!current) return;
      setAnswer(
        result.ok
          ? { question, value: { expression, preview: result.value }, error: null }
          : { question, value: null, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [bridge, asking, question, eventType, expression, lastSeq]);
  const shown = asking ? answer : null;
  return { tried: shown?.value ?? null, error: shown?.error ?? null };
}

/** The fields and values the captured events of a type have, for completion. */
export function useFieldCatalog(eventType: string): FieldCatalog | null {
  const { bridge } = useEngine();
  const lastSeq = useAppStore((state) => state.lastSeq);
  const asking = isFilterEventType(eventType);
  const [answer, setAnswer] = useState<Answer<FieldCatalog> | null>(null);
  useEffect(() => {
    if (!asking) return;
    let current = true;
    void bridge.invoke('filters.fields', { eventType }).then((result) => {
      if (current) setAnswer({ question: eventType, value: result.ok ? result.value : null, error: null });
    });
    return () => {
      current = false;
    };
  }, [bridge, asking, eventType, lastSeq]);
  return asking && answer?.question === eventType ? answer.value : null;
}
