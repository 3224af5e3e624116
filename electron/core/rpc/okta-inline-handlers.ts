import type { oktaInlineCommands } from '../../../shared/contract/okta-inline-commands';
import type { InlineHookRegistry } from '../okta-org/inline-hook-registry';
import type { Handlers } from './dispatcher';

/** The org's inline hook commands; inputs arrive validated by the dispatcher. */
export function createOktaInlineHandlers(
  registry: InlineHookRegistry,
): Pick<Handlers, keyof typeof oktaInlineCommands> {
  return {
    'okta.inlineHooks.list': () => registry.load(),
    'okta.inlineHooks.point': (input) => registry.point(input),
    'okta.inlineHooks.lifecycle': (input) => registry.lifecycle(input),
    'okta.inlineHooks.preview': (input) => registry.preview(input),
  };
}
