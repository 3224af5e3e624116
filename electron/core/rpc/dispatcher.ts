import { z } from 'zod';
import {
  commands,
  isCommandName,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type ParsedInput,
} from '../../../shared/contract/commands';
import type { ErrorCode, Result } from '../../../shared/model/result';
import type { Logger } from '../deps';
import { CommandError } from './command-error';

/** One handler per contract command; a missing one is a compile error. */
export type Handlers = {
  [N in CommandName]: (input: ParsedInput<N>) => Promise<CommandOutput<N>> | CommandOutput<N>;
};

/** What a transport calls with a name and input off the wire: both are checked here. */
export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

/** The same dispatcher called in process, typed by the contract: a wrong name or input does not compile. */
export type Call = <N extends CommandName>(
  name: N,
  input: CommandInput<N>,
) => Promise<Result<CommandOutput<N>>>;

/** A handler's value is its command's output (see Handlers), so the typed view is the dispatcher itself. */
export const typedCall = (dispatch: Dispatch): Call => dispatch as Call;

const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * The single entry point of every transport (Electron IPC, headless HTTP): look the command up,
 * validate its input against the contract's schema, run it, and return a Result. Nothing a
 * caller sends can make it throw.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!isCommandName(name)) return fail('unknown-command', `Unknown command "${name}".`);
    const parsed = commands[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('invalid-input', z.prettifyError(parsed.error));
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof CommandError) return fail(error.code, error.message);
      logger.error('command failed', { command: name, error: String(error) });
      return fail('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
