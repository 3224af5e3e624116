import type { oktaInlineCommands } from '../../../shared/contract/okta-inline-commands';
import type { InlineHookBoard } from '../okta-org/inline-hook-board';
import type { Handlers } from './dispatcher';

/** The org's inline hook commands; inputs arrive validated by the dispatcher. */
export function createOktaInlineHandlers(
  board: InlineHookBoard,
): Pick<Handlers, keyof typeof oktaInlineCommands> {
  return {
    'okta.inlineHooks.list': () => board.load(),
    'okta.inlineHooks.point': (input) => board.point(input),
    'okta.inlineHooks.lifecycle': (input) => board.lifecycle(input),
    'okta.inlineHooks.preview': (input) => board.preview(input),
  };
}
