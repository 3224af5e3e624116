import { isEventName, type EventName } from '../../../shared/contract/names';
import type { Result } from '../../../shared/model/result';
import type { Bridge, ConnectionState, Upload } from './bridge';
import { SseParser } from './sse-parser';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;

type Listener = (payload: unknown) => void;

/** The headless bridge; a new token (a new Inspector link pasted into this tab) reconnects at once. */
export interface HttpBridge extends Bridge {
  setToken(token: string): void;
}

/**
 * Over the headless API: commands are `POST /api/<name>`, pushes arrive on one SSE stream
 * read with fetch (EventSource cannot send the bearer token), reconnecting with backoff. A 401
 * is told apart from a lost connection: the engine runs, but with another token.
 */
export function createHttpBridge(initialToken: string, base = ''): HttpBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let token = initialToken;
  const authorization = () => `Bearer ${token}`;
  let stream = new AbortController();
  let delay = RETRY_MIN_MS;
  /** Ends the wait before the next attempt early (a new token). */
  let wake: () => void = () => undefined;

  const announce = (state: ConnectionState) => {
    for (const listener of connectionListeners) listener(state);
  };

  /** Reads pushes until the stream ends; says how it ended when not by an error. */
  const readStream = async (signal: AbortSignal): Promise<ConnectionState> => {
    const headers = { Authorization: authorization() };
    const response = await fetch(`${base}/api/events`, { headers, cache: 'no-store', signal });
    if (response.status === 401) return 'refused';
    if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
    announce('connected');
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'lost';
      for (const message of parser.push(value)) {
        if (!isEventName(message.event)) continue;
        const payload: unknown = JSON.parse(message.data);
        for (const listener of listeners.get(message.event) ?? []) listener(payload);
      }
    }
  };

  const connect = async () => {
    for (;;) {
      const started = Date.now();
      announce(await readStream(stream.signal).catch((): ConnectionState => 'lost'));
      if (Date.now() - started > RETRY_MAX_MS) delay = RETRY_MIN_MS;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  };
  void connect();

  return {
    kind: 'http',
    setToken: (next) => {
      token = next;
      delay = RETRY_MIN_MS;
      stream.abort();
      stream = new AbortController();
      wake();
    },
    invoke: async (name, input) => {
      try {
        const response = await fetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { Authorization: authorization(), 'Content-Type': 'application/json' },
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
    upload: uploader(`${base}/api/uploads`, authorization),
  };
}

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function uploader(url: string, authorization: () => string): Upload {
  return (file, onProgress) =>
    new Promise((resolve) => {
      const request = new XMLHttpRequest();
      const unreachable = () =>
        resolve({
          ok: false,
          error: { code: 'unavailable', message: 'The upload did not reach the engine.' },
        });
      request.open('POST', url);
      request.setRequestHeader('Authorization', authorization());
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
