/**
 * LogEvents for the filter tests, shaped as Okta's samples show them (invented ids). Test
 * support only: imported by *.test.ts files.
 */

type Json = Record<string, unknown>;

export const target = (type: string, displayName: string, extra: Json = {}): Json => ({
  id: `00g${displayName.replace(/\W/g, '').padEnd(17, '0').slice(0, 17)}`,
  type,
  alternateId: 'unknown',
  displayName,
  detailEntry: null,
  ...extra,
});

/** A `group.user_membership.add`: a user added to the group named `group`. */
export const membership = (group: string, overrides: Json = {}): Json => ({
  uuid: '5c2c3e5e-2a0e-11ef-8d1a-0b8c6a9d1e21',
  published: '2026-05-04T10:15:30.123Z',
  eventType: 'group.user_membership.add',
  version: '0',
  severity: 'INFO',
  displayMessage: 'Add user to group membership',
  actor: {
    id: '00u1admin0emulator01',
    type: 'User',
    alternateId: 'admin@example.com',
    displayName: 'Ada Admin',
    detailEntry: null,
  },
  outcome: { result: 'SUCCESS', reason: null },
  target: [
    target('User', 'Sam Okafor', { id: '00usnkgbd0FFDxYaj0h7', alternateId: 'sam.okafor@example.com' }),
    target('UserGroup', group),
  ],
  debugContext: { debugData: { requestId: 'XyMjlc1OvvWkZPMA7QazbwAAFIs' } },
  ...overrides,
});

/** A `user.account.update_profile` whose debugData names the changed attributes. */
export const profileUpdate = (changedAttributes: string | null | undefined): Json => ({
  ...membership('Sales'),
  eventType: 'user.account.update_profile',
  target: [target('User', 'Sam Okafor')],
  debugContext: {
    debugData: {
      requestId: 'XyMjlc1OvvWkZPMA7QazbwAAFIs',
      threatSuspected: 'false',
      ...(changedAttributes === undefined ? {} : { changedAttributes }),
    },
  },
});

/** A `user.session.start` with this outcome. */
export const signIn = (result: string, reason: string | null, alternateId = 'myAdmin@company.com'): Json => ({
  ...membership('Sales'),
  eventType: 'user.session.start',
  actor: { id: '00usnkgbd0FFDxYaj0h7', type: 'User', alternateId, displayName: 'My Admin' },
  outcome: { result, reason },
  target: null,
});
