import type { Exchange, HeaderList } from '../../../../shared/model/exchange';

export type TargetChoice = 'forward' | 'receiver' | 'url';

/** Where and how often to send: the same for one exchange or a selection. */
export interface SendOptions {
  target: TargetChoice;
  url: string;
  repeat: number;
  asOkta: boolean;
}

/** What the replay form for one exchange holds; starts as the exchange was captured. */
export interface ReplayDraft {
  send: SendOptions;
  edit: boolean;
  method: string;
  /** Path and query. */
  path: string;
  headers: HeaderList;
  body: string;
}

export const initialSendOptions = (hasForwardTarget: boolean): SendOptions => ({
  target: hasForwardTarget ? 'forward' : 'receiver',
  url: 'http://localhost:3000/okta/hooks',
  repeat: 1,
  asOkta: false,
});

/** The `replay.run` fields that say where and how often. */
export const sendInput = (send: SendOptions) => ({
  target: send.target === 'url' ? send.url.trim() : send.target,
  repeat: send.repeat,
  asOkta: send.asOkta,
});

const pathOf = (exchange: Exchange) =>
  exchange.request.query === ''
    ? exchange.request.path
    : `${exchange.request.path}?${exchange.request.query}`;

export function initialDraft(exchange: Exchange, hasForwardTarget: boolean): ReplayDraft {
  return {
    send: initialSendOptions(hasForwardTarget),
    edit: false,
    method: exchange.request.method,
    path: pathOf(exchange),
    headers: exchange.request.headers,
    body: exchange.request.body.text ?? '',
  };
}

const sameHeaders = (a: HeaderList, b: HeaderList) =>
  a.length === b.length && a.every(([name, value], i) => b[i]?.[0] === name && b[i]?.[1] === value);

/** The `replay.run` input: only what the user changed is sent as an edit. */
export function replayInput(exchange: Exchange, draft: ReplayDraft) {
  const edits: { method?: string; path?: string; headers?: HeaderList; body?: string } = {};
  if (draft.edit) {
    if (draft.method !== exchange.request.method) edits.method = draft.method;
    if (draft.path !== pathOf(exchange)) edits.path = draft.path;
    if (!sameHeaders(draft.headers, exchange.request.headers))
      edits.headers = draft.headers.filter(([name]) => name.trim() !== '');
    if (draft.body !== (exchange.request.body.text ?? '')) edits.body = draft.body;
  }
  return {
    id: exchange.id,
    ...sendInput(draft.send),
    ...(Object.keys(edits).length > 0 ? { edits } : {}),
  };
}

/** A short verdict on the body text for the editor: valid JSON, or where it breaks. */
export function jsonStatus(text: string): { ok: boolean; message: string } {
  if (text.trim() === '') return { ok: true, message: 'Empty body' };
  try {
    JSON.parse(text);
    return { ok: true, message: 'Valid JSON' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
