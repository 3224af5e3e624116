import type { Engine } from './processes';

/** Run one contract command over the headless HTTP API, as the browser UI does. */
export async function command<T>(engine: Engine, name: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${engine.apiOrigin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** How many exchanges the engine has stored. */
export const storedCount = async (engine: Engine): Promise<number> =>
  (await command<{ total: number }>(engine, 'exchanges.list', { limit: 1 })).total;
