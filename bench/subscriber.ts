import type { Engine } from './processes';

export interface Subscriber {
  /** Summaries received in `exchanges.appended` pushes so far. */
  appended(): number;
  close(): void;
}

/**
 * A stand-in for the UI: one Server-Sent Events connection to the engine that reads and
 * parses every push, so the benchmark pays for the push path like a real session does.
 */
export async function subscribe(engine: Engine): Promise<Subscriber> {
  const controller = new AbortController();
  const response = await fetch(`${engine.apiOrigin}/api/events`, {
    headers: { Authorization: `Bearer ${engine.token}` },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let appended = 0;
  let buffer = '';
  const consume = (message: string) => {
    const lines = message.split('\n');
    if (!lines.includes('event: exchanges.appended')) return;
    const data = lines.find((line) => line.startsWith('data: '))?.slice('data: '.length) ?? '{}';
    appended += (JSON.parse(data) as { items?: unknown[] }).items?.length ?? 0;
  };
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      buffer += chunk.value;
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      messages.forEach(consume);
    }
  })();
  return { appended: () => appended, close: () => controller.abort() };
}
