import { lazy, Suspense, type ComponentType } from 'react';
import { PaneBoundary } from './pane-boundary';

/**
 * A part of the UI the first screen does not show (a dialog, a panel, an exchange's detail) in
 * a chunk of its own, fetched the first time it is drawn: the chunk the first screen waits for
 * stays small. Nothing is drawn in its place while it comes (from disk, or from the engine on
 * this machine); a chunk that cannot be fetched is said in its place, the rest of the UI stays.
 */
export function lazyPart<P extends object>(
  what: string,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const Part = lazy(async () => ({ default: await load() }));
  return function LazyPart(props: P) {
    return (
      <PaneBoundary what={what}>
        <Suspense fallback={null}>
          <Part {...props} />
        </Suspense>
      </PaneBoundary>
    );
  };
}
