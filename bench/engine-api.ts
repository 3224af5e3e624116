import type { CommandInput, CommandName, CommandOutput } from '../shared/contract/commands';
import type { Result } from '../shared/model/result';
import type { Engine } from './processes';

/** Run one contract command over the headless HTTP API, as the browser UI does; typed as `Core.call` is. */
export async function command<N extends CommandName>(
  engine: Engine,
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const response = await fetch(`${engine.apiOrigin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<CommandOutput<N>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** How many exchanges the engine has stored. */
export const storedCount = async (engine: Engine): Promise<number> =>
  (await command(engine, 'exchanges.list', { limit: 1 })).total;
