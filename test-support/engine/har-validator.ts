/**
 * A structural check of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): every field
 * the spec requires, with its type, and the timing rules viewers rely on. Returns the problems
 * found, each with the path to the field, so a failing test says exactly what is wrong.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Checker {
  readonly problems: string[] = [];

  object(value: unknown, at: string): value is Json {
    if (isObject(value)) return true;
    this.problems.push(`${at}: expected an object`);
    return false;
  }

  string(record: Json, key: string, at: string, optional = false): void {
    if (optional && record[key] === undefined) return;
    if (typeof record[key] !== 'string') this.problems.push(`${at}.${key}: expected a string`);
  }

  number(record: Json, key: string, at: string, min: number, optional = false): void {
    if (optional && record[key] === undefined) return;
    const value = record[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      this.problems.push(`${at}.${key}: expected a number ≥ ${min}, got ${JSON.stringify(value)}`);
    }
  }

  nameValues(record: Json, key: string, at: string): void {
    const list = record[key];
    if (!Array.isArray(list)) {
      this.problems.push(`${at}.${key}: expected an array`);
      return;
    }
    list.forEach((item, i) => {
      if (!this.object(item, `${at}.${key}[${i}]`)) return;
      this.string(item, 'name', `${at}.${key}[${i}]`);
      this.string(item, 'value', `${at}.${key}[${i}]`);
    });
  }
}

export function validateHar(har: unknown): string[] {
  const check = new Checker();
  if (!check.object(har, 'root') || !check.object(har.log, 'log')) return check.problems;
  const { log } = har;
  if (log.version !== '1.2') check.problems.push('log.version: expected "1.2"');
  if (check.object(log.creator, 'log.creator')) {
    check.string(log.creator, 'name', 'log.creator');
    check.string(log.creator, 'version', 'log.creator');
  }
  if (log.pages !== undefined && !Array.isArray(log.pages))
    check.problems.push('log.pages: expected an array');
  if (!Array.isArray(log.entries)) check.problems.push('log.entries: expected an array');
  else log.entries.forEach((entry, i) => validateEntry(check, entry, `log.entries[${i}]`));
  return check.problems;
}

function validateEntry(check: Checker, entry: unknown, at: string): void {
  if (!check.object(entry, at)) return;
  check.string(entry, 'startedDateTime', at);
  if (
    Number.isNaN(Date.parse(String(entry.startedDateTime))) ||
    !/T\d\d:\d\d/.test(String(entry.startedDateTime))
  ) {
    check.problems.push(`${at}.startedDateTime: expected an ISO 8601 date-time`);
  }
  check.number(entry, 'time', at, 0);
  check.object(entry.cache, `${at}.cache`);
  check.string(entry, 'pageref', at, true);
  check.string(entry, 'serverIPAddress', at, true);
  check.string(entry, 'comment', at, true);
  validateRequest(check, entry.request, `${at}.request`);
  validateResponse(check, entry.response, `${at}.response`);
  validateTimings(check, entry, `${at}.timings`);
}

function validateRequest(check: Checker, request: unknown, at: string): void {
  if (!check.object(request, at)) return;
  for (const key of ['method', 'url', 'httpVersion']) check.string(request, key, at);
  try {
    new URL(String(request.url));
  } catch {
    check.problems.push(`${at}.url: expected an absolute URL`);
  }
  for (const key of ['cookies', 'headers', 'queryString']) check.nameValues(request, key, at);
  check.number(request, 'headersSize', at, -1);
  check.number(request, 'bodySize', at, -1);
  if (request.postData === undefined) return;
  if (!check.object(request.postData, `${at}.postData`)) return;
  check.string(request.postData, 'mimeType', `${at}.postData`);
  check.string(request.postData, 'text', `${at}.postData`, true);
  if (request.postData.params !== undefined && !Array.isArray(request.postData.params)) {
    check.problems.push(`${at}.postData.params: expected an array`);
  }
}

function validateResponse(check: Checker, response: unknown, at: string): void {
  if (!check.object(response, at)) return;
  check.number(response, 'status', at, 0);
  for (const key of ['statusText', 'httpVersion', 'redirectURL']) check.string(response, key, at);
  for (const key of ['cookies', 'headers']) check.nameValues(response, key, at);
  check.number(response, 'headersSize', at, -1);
  check.number(response, 'bodySize', at, -1);
  if (!check.object(response.content, `${at}.content`)) return;
  check.number(response.content, 'size', `${at}.content`, 0);
  check.string(response.content, 'mimeType', `${at}.content`);
  check.string(response.content, 'text', `${at}.content`, true);
  check.string(response.content, 'encoding', `${at}.content`, true);
}

/** send, wait and receive are required and not negative; `time` is the sum of those given. */
function validateTimings(check: Checker, entry: Json, at: string): void {
  const timings = entry.timings;
  if (!check.object(timings, at)) return;
  for (const key of ['send', 'wait', 'receive']) check.number(timings, key, at, 0);
  for (const key of ['blocked', 'dns', 'connect', 'ssl']) check.number(timings, key, at, -1, true);
  const parts = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive']
    .map((key) => timings[key])
    .filter((value): value is number => typeof value === 'number' && value !== -1);
  const sum = parts.reduce((total, value) => total + value, 0);
  if (typeof entry.time === 'number' && Math.abs(sum - entry.time) > 0.01) {
    check.problems.push(`${at}: the timings add up to ${sum}, not time ${entry.time}`);
  }
}
