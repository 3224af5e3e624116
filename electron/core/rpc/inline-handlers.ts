import type { inlineCommands } from '../../../shared/contract/inline-commands';
import type { InlineDesk } from '../inline/inline-desk';
import type { Handlers } from './dispatcher';

/** The inline hook commands; inputs arrive validated by the dispatcher. */
export function createInlineHandlers(inline: InlineDesk): Pick<Handlers, keyof typeof inlineCommands> {
  return {
    'inline.get': () => inline.state(),
    'inline.configure': (change) => inline.configure(change),
    'inline.check': (input) => inline.check(input),
    'inline.release': ({ id, answer }) => inline.release(id, answer),
  };
}
