import { isEventName, type EventName } from '../../../shared/contract/names';
import type { Result } from '../../../shared/model/result';
import type { Bridge, Upload } from './bridge';
import { SseParser } from './sse-parser';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;

type Listener = (payload: unknown) => void;

/**
 * Over the headless API: commands are `POST /api/<name>`, pushes arrive on one SSE stream
 * read with fetch (EventSource cannot send the bearer token), reconnecting with backoff.
 */
export function createHttpBridge(token: string, base = ''): Bridge {
  const listeners = new Map<EventName, Set<Listener>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const auth = { Authorization: `Bearer ${token}` };

  const setConnected = (connected: boolean) => {
    for (const listener of connectionListeners) listener(connected);
  };

  const readStream = async () => {
    const response = await fetch(`${base}/api/events`, { headers: auth, cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
    setConnected(true);
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const message of parser.push(value)) {
        if (!isEventName(message.event)) continue;
        const payload: unknown = JSON.parse(message.data);
        for (const listener of listeners.get(message.event) ?? []) listener(payload);
      }
    }
  };

  const connect = async () => {
    let delay = RETRY_MIN_MS;
    for (;;) {
      const started = Date.now();
      await readStream().catch(() => undefined);
      setConnected(false);
      if (Date.now() - started > RETRY_MAX_MS) delay = RETRY_MIN_MS;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  };
  void connect();

  return {
    kind: 'http',
    invoke: async (name, input) => {
      try {
        const response = await fetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Awaited<ReturnType<Bridge['invoke']>>;
      } catch (error) {
        const failure: Result<never> = {
          ok: false,
          error: {
            code: 'unavailable',
            message: `The inspector engine is not reachable (${String(error)}).`,
          },
        };
        return failure;
      }
    },
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    upload: uploader(`${base}/api/uploads`, auth.Authorization),
  };
}

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function uploader(url: string, authorization: string): Upload {
  return (file, onProgress) =>
    new Promise((resolve) => {
      const request = new XMLHttpRequest();
      const unreachable = () =>
        resolve({
          ok: false,
          error: { code: 'unavailable', message: 'The upload did not reach the engine.' },
        });
      request.open('POST', url);
      request.setRequestHeader('Authorization', authorization);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      request.upload.onprogress = (event) => onProgress(event.loaded);
      request.onerror = unreachable;
      request.onload = () => {
        try {
          resolve(JSON.parse(request.responseText) as Awaited<ReturnType<Upload>>);
        } catch {
          unreachable();
        }
      };
      request.send(file);
    });
}
