import type { ResponsePolicy } from '../model/settings';
import { OKTA_TIMEOUT_MS } from './headers';

export interface ResponsePreset {
  id: string;
  label: string;
  policy: ResponsePolicy;
  /** What Okta does when it gets this answer (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). */
  effect: string;
}

const policy = (status: number, delayMs = 0): ResponsePolicy => ({ status, delayMs, body: '' });

/** Answers that show each of Okta's reactions, one click each. */
export const RESPONSE_PRESETS: ResponsePreset[] = [
  { id: 'accept', label: 'Accept (204)', policy: policy(204), effect: 'Okta counts each delivery as done.' },
  {
    id: 'timeout',
    label: 'Make Okta time out',
    policy: policy(204, OKTA_TIMEOUT_MS + 500),
    effect: 'Answers after 3.5 s: Okta has given up by then and retries once.',
  },
  { id: 'server-error', label: 'Server error (500)', policy: policy(500), effect: 'Okta retries once.' },
  {
    id: 'reject-401',
    label: 'Reject (401)',
    policy: policy(401),
    effect: 'Okta never retries a 4xx: the events are lost.',
  },
  {
    id: 'reject-403',
    label: 'Reject (403)',
    policy: policy(403),
    effect: 'Okta never retries a 4xx: the events are lost.',
  },
  {
    id: 'reject-400',
    label: 'Reject (400)',
    policy: policy(400),
    effect: 'Okta never retries a 4xx: the events are lost.',
  },
];

/** The preset a policy matches, if any (a custom policy matches none). */
export const presetOf = (current: ResponsePolicy): ResponsePreset | undefined =>
  RESPONSE_PRESETS.find(
    (preset) =>
      preset.policy.status === current.status &&
      preset.policy.delayMs === current.delayMs &&
      preset.policy.body === current.body,
  );
