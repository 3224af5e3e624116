import type { InlineHookKind } from '../../../shared/model/inline';
import { isInlineHookKind } from '../../../shared/okta/inline/catalog';
import type { Route } from './classify';

/**
 * Inline hooks are called at `<basePath>/<hook>`, one path per hook, beside the event hook's
 * path. Okta calls them with POST only (https://developer.okta.com/docs/concepts/inline-hooks/);
 * anything else under the base path is recorded and refused like any stray request.
 */
export function inlineRoute(method: string, path: string, basePath: string): Route | null {
  const prefix = `${basePath.replace(/\/+$/, '')}/`;
  if (!path.startsWith(prefix)) return null;
  const hook = path.slice(prefix.length);
  if (!isInlineHookKind(hook)) {
    const message = `Nothing listens on ${path}; inline hooks are called at ${prefix}<token|saml|registration|password-import|user-import|telephony>.`;
    return { kind: 'other', status: 404, problem: { code: 'wrong-path', message } };
  }
  if (method !== 'POST')
    return {
      kind: 'other',
      status: 405,
      problem: { code: 'method', message: `Okta calls inline hooks with POST, never ${method}.` },
    };
  return { kind: 'inline', hook: hook satisfies InlineHookKind };
}
