import type { InlineHookKind } from '../../../shared/model/inline';
import { INLINE_HOOKS, isInlineHookKind } from '../../../shared/okta/inline/catalog';
import type { Route } from './classify';

const prefixOf = (basePath: string) => `${basePath.replace(/\/+$/, '')}/`;

/** The hook whose path this is (`<basePath>/<hook>`), or null. */
function inlineHookOf(path: string, basePath: string): InlineHookKind | null {
  const prefix = prefixOf(basePath);
  const hook = path.startsWith(prefix) ? path.slice(prefix.length) : '';
  return isInlineHookKind(hook) ? hook : null;
}

/**
 * Inline hooks are called at `<basePath>/<hook>`, one path per hook, beside the event hook's
 * path. Okta calls them with POST only (https://developer.okta.com/docs/concepts/inline-hooks/);
 * anything else under the base path is recorded and refused like any stray request.
 */
export function inlineRoute(
  method: string,
  path: string,
  paths: { basePath: string; hookPath: string },
): Route | null {
  const prefix = prefixOf(paths.basePath);
  // The event hook keeps its path even when it lies under the inline base path.
  if (path === paths.hookPath || !path.startsWith(prefix)) return null;
  const hook = inlineHookOf(path, paths.basePath);
  if (hook === null) {
    const message = `Nothing listens on ${path}; inline hooks are called at ${prefix}<${INLINE_HOOKS.join('|')}>.`;
    return { kind: 'other', status: 404, problem: { code: 'wrong-path', message } };
  }
  if (method !== 'POST') {
    const message = `Okta calls inline hooks with POST, never ${method}.`;
    return { kind: 'other', status: 405, problem: { code: 'method', message } };
  }
  return { kind: 'inline', hook };
}
