/**
 * Renders docs/http-api.md, the headless HTTP API reference, from the contract (each command's
 * summary and input schema, each push's summary) and from the status codes the headless server
 * answers. `npm run docs:api` writes it; `api-reference.test.ts` fails when the committed page
 * differs from what this renders.
 */
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { commands, commandNames } from '../shared/contract/commands';
import { events, eventNames } from '../shared/contract/events';
import type { ErrorCode } from '../shared/model/result';
import { MAX_COMMAND_BYTES } from '../electron/headless/api-server';
import { STATUS_OF } from '../electron/headless/http-status';
import type { Refusal } from '../electron/headless/request-guard';

export const API_REFERENCE_FILE = 'docs/http-api.md';

/** When each failure code is returned; a new code fails to compile until it is described here. */
const WHEN: Record<ErrorCode, string> = {
  'invalid-input':
    'the input does not match the command’s schema (the message says which field and why), the body is not JSON, is not sent as `application/json` or is over the size limit, or an upload’s `X-File-Name` is malformed',
  'unknown-command': 'no command has this name',
  'not-found': 'the exchange, hook, System Log event or upload named does not exist',
  unavailable:
    'what the command needs is not there now: no Okta org connected, no public URL, the receiver not running, the org unreachable or rate-limited, no passphrase protection in this mode',
  conflict:
    'the command collides with the state: another change to the Okta org is still running, or the desktop passphrase is not in the state the command expects',
  internal: 'the engine failed unexpectedly; the message names the command and the error',
  unauthorized: 'no `Authorization: Bearer <token>`, or the wrong token',
  forbidden:
    'a `Host` other than `127.0.0.1:<port>` or `localhost:<port>`, or an `Origin` other than the UI’s own; also Okta refusing the org’s token a permission',
};

/** Transport refusals made before any command runs (`request-guard.ts`, `api-server.ts`). */
const REFUSED: Record<Refusal['status'], string> = {
  401: 'every `/api/` call without the right bearer token (code `unauthorized`)',
  403: 'any request, `/api/` or not, with a foreign `Host` or `Origin` (code `forbidden`)',
  405: '`/api/<command>` with a method other than `POST`, or a method other than `GET` or `HEAD` outside `/api/` (code `forbidden`)',
};

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

interface Row {
  field: string;
  type: string;
  required: boolean;
  details: string[];
}

/** The zod internals this reads: messages of regex and refine checks, which JSON Schema drops. */
interface ZodNode {
  _zod: {
    def: {
      type: string;
      checks?: { _zod: { def: { check: string; format?: string; error?: (issue: object) => unknown } } }[];
      shape?: Record<string, ZodNode>;
      innerType?: ZodNode;
      element?: ZodNode;
      options?: ZodNode[];
      items?: ZodNode[];
      in?: ZodNode;
      out?: ZodNode;
    };
  };
}

/** `path -> messages`: the regex and refine messages zod holds for each field ('' is the input itself). */
function collectNotes(node: ZodNode, path: string, notes: Map<string, string[]>): Map<string, string[]> {
  const def = node._zod.def;
  for (const check of def.checks ?? []) {
    const { check: kind, format: fmt, error } = check._zod.def;
    const message = error?.({});
    const text =
      typeof message === 'string' ? message : (message as { message?: unknown } | undefined)?.message;
    if (typeof text === 'string' && (kind === 'custom' || fmt === 'regex')) {
      const list = notes.get(path) ?? [];
      if (!list.includes(text)) notes.set(path, [...list, text]);
    }
  }
  const join = (name: string) => (path === '' ? name : `${path}.${name}`);
  for (const [name, child] of Object.entries(def.shape ?? {})) collectNotes(child, join(name), notes);
  for (const child of [def.innerType, def.in, def.out, ...(def.options ?? [])]) {
    if (child) collectNotes(child, path, notes);
  }
  if (def.element) collectNotes(def.element, `${path}[]`, notes);
  for (const child of def.items ?? []) collectNotes(child, `${path}[]`, notes);
  return notes;
}

const code = (text: string) => {
  const escaped = text.replace(/\|/g, '\\|');
  return escaped.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
};
const value = (v: unknown) => code(JSON.stringify(v));
const num = (n: number) => n.toLocaleString('en-US');

function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.const !== undefined) return value(schema.const);
  if (schema.enum) return schema.enum.map(value).join(' or ');
  if (schema.type === 'array') {
    if (schema.prefixItems) return `[${schema.prefixItems.map(typeOf).join(', ')}]`;
    if (!schema.items) return 'array';
    const item = typeOf(schema.items);
    return `array of ${item.includes(' or ') ? `(${item})` : item}`;
  }
  return schema.type ?? 'any';
}

const range = (min: number | undefined, max: number | undefined, unit: string) => {
  const big = max !== undefined && max >= Number.MAX_SAFE_INTEGER;
  if (min !== undefined && max !== undefined && !big) return `${num(min)}–${num(max)}${unit}`;
  if (min !== undefined && (min > 0 || big)) return `at least ${num(min)}${unit}`;
  if (max !== undefined && !big) return `at most ${num(max)}${unit}`;
  return null;
};

function limits(schema: JsonSchema, hasMessage: boolean): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap((branch) => limits(branch, hasMessage));
  const found = [
    range(schema.minLength, schema.maxLength, ' characters'),
    range(schema.minimum, schema.maximum, ''),
    range(schema.minItems, schema.maxItems, ' items'),
    schema.pattern !== undefined && !hasMessage ? `matches ${code(schema.pattern)}` : null,
  ];
  return found.filter((text): text is string => text !== null);
}

function rows(schema: JsonSchema, prefix: string, notes: Map<string, string[]>): Row[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const field = prefix === '' ? name : `${prefix}.${name}`;
    const own = (notes.get(field) ?? []).map((note) => `refused with “${note}”`);
    const each = (notes.get(`${field}[]`) ?? []).map((note) => `each item refused with “${note}”`);
    const details = [
      ...limits(prop, own.length > 0),
      ...own,
      ...each,
      ...(prop.default !== undefined ? [`default ${value(prop.default)}`] : []),
    ];
    const row: Row = { field, type: typeOf(prop), required: required.has(name), details };
    const object = [prop, ...(prop.anyOf ?? [])].find((s) => s.type === 'object' && s.properties);
    const items = prop.items === false ? undefined : prop.items;
    const nested = object
      ? rows(object, field, notes)
      : items?.type === 'object'
        ? rows(items, `${field}[]`, notes)
        : [];
    return [row, ...nested];
  });
}

function table(schema: JsonSchema, notes: Map<string, string[]>): string[] {
  const all = rows(schema, '', notes);
  if (all.length === 0) return ['No input: send `{}` or an empty body.'];
  return [
    '| Field | Type | Required | Limits, default |',
    '| --- | --- | --- | --- |',
    ...all.map(
      (row) =>
        `| ${code(row.field)} | ${row.type} | ${row.required ? 'yes' : 'no'} | ${row.details.join('; ')} |`,
    ),
  ];
}

function commandSection(name: (typeof commandNames)[number]): string[] {
  const spec = commands[name];
  const schema = z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const notes = collectNotes(spec.input as unknown as ZodNode, '', new Map());
  const body = schema.anyOf
    ? schema.anyOf.flatMap((option, i) => [i === 0 ? 'Either:' : 'Or:', '', ...table(option, notes), ''])
    : [...table(schema, notes), ''];
  const rules = notes.get('') ?? [];
  return [
    `### \`${name}\``,
    '',
    spec.summary,
    '',
    `\`POST /api/${name}\``,
    '',
    ...body,
    ...(rules.length > 0 ? ['Checked across fields:', '', ...rules.map((rule) => `- ${rule}`), ''] : []),
  ];
}

function statusTable(): string[] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const [errorCode, status] of Object.entries(STATUS_OF) as [ErrorCode, number][]) {
    byStatus.set(status, [...(byStatus.get(status) ?? []), errorCode]);
  }
  const lines = [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, codes]) => {
      const when = codes.map((c) => `${code(c)}: ${WHEN[c]}`).join('; ');
      return `| ${status} | ${when} |`;
    });
  return [
    '| Status | When |',
    '| --- | --- |',
    '| 200 | the command ran: `{"ok":true,"value":…}` |',
    ...lines,
  ];
}

function render(): string {
  return [
    '<!-- Generated from shared/contract and electron/headless by `npm run docs:api`. Do not edit by hand. -->',
    '',
    '# Headless HTTP API',
    '',
    'Headless mode ([headless.md](headless.md)) serves the browser UI and the same contract the desktop app uses over IPC (`shared/contract`), over HTTP on `127.0.0.1` only:',
    '',
    '- `POST /api/<command>` with a JSON body (`Content-Type: application/json`, at most ' +
      `${MAX_COMMAND_BYTES / 1024 / 1024} MiB) runs a command and answers \`{"ok":true,"value":…}\` or \`{"ok":false,"error":{"code","message"}}\`.`,
    '- `GET /api/events` is a Server-Sent Events stream of pushes (`event: <name>`, one JSON `data:` line).',
    '- `POST /api/uploads` takes a file to import as the raw body, its name (percent-encoded) in `X-File-Name`, and answers `{"ok":true,"value":{"upload":"<id>"}}` for `exchanges.import`. A finished export’s `file.downloadUrl` (`/downloads/<ticket>/<name>`) serves it once, to this origin only, then deletes it (`404` afterwards).',
    '- Every `/api/` call needs `Authorization: Bearer <token>`, the token in the `Inspector:` link printed at start. Every request needs a `Host` of `127.0.0.1:<port>` or `localhost:<port>` and an `Origin` that is the UI’s own or absent (DNS-rebinding and cross-site defence). There are no CORS headers.',
    '',
    '```sh',
    `curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
    `  --data '{"limit":5}' http://127.0.0.1:8788/api/exchanges.list`,
    '```',
    '',
    '## Status codes',
    '',
    'A failed command answers `{"ok":false,"error":{"code","message"}}` with the status of its code:',
    '',
    ...statusTable(),
    '',
    'Refused before any command runs, with the same JSON body:',
    '',
    '| Status | When |',
    '| --- | --- |',
    ...Object.entries(REFUSED).map(([status, when]) => `| ${status} | ${when} |`),
    '',
    'A request that fails in the server itself gets `500` with an empty body. Requests Node’s HTTP parser refuses are answered by Node (`400`, `431`) and never reach these handlers.',
    '',
    '## Commands',
    '',
    'Fields marked _no_ may be left out; a default, when shown, is used then. Unknown fields are refused (`400`).',
    '',
    ...commandNames.map((name) => `- [\`${name}\`](#${name.replace(/\./g, '').toLowerCase()})`),
    '',
    ...commandNames.flatMap(commandSection),
    '## Pushes',
    '',
    'Sent on `GET /api/events` as `event: <name>` with the payload as JSON in `data:`.',
    '',
    '| Push | What it says |',
    '| --- | --- |',
    ...eventNames.map((name) => `| \`${name}\` | ${events[name].summary} |`),
    '',
  ].join('\n');
}

/** The page as committed: rendered, then formatted as `npm run format` would. */
export async function apiReference(root: string): Promise<string> {
  const filepath = `${root}/${API_REFERENCE_FILE}`;
  const options = (await resolveConfig(filepath)) ?? {};
  return format(render(), { ...options, filepath });
}
