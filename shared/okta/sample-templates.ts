/**
 * What a realistic LogEvent of each common event-hook type looks like (https://developer.okta.com/docs/reference/api/event-types/?q=event-hook-eligible): the
 * message, who or what it targets, and how it usually ends. Other eligible types get a
 * generic event built from their name (sample-builder.ts).
 */
export type TargetKind =
  'User' | 'UserGroup' | 'AppInstance' | 'AuthenticatorEnrollment' | 'Policy' | 'Device';

export interface EventTemplate {
  displayMessage: string;
  targets: TargetKind[];
  outcome?: { result: string; reason: string | null };
  severity?: string;
  legacyEventType?: string;
  /** The actor acts on itself (sign-in, password change) rather than on another user. */
  selfService?: boolean;
}

export const EVENT_TEMPLATES: Record<string, EventTemplate> = {
  'user.session.start': {
    displayMessage: 'User login to Okta',
    targets: ['AuthenticatorEnrollment', 'AppInstance'],
    legacyEventType: 'core.user_auth.login_success',
    selfService: true,
  },
  'user.session.end': { displayMessage: 'User logout from Okta', targets: [], selfService: true },
  'user.authentication.sso': {
    displayMessage: 'User single sign on to app',
    targets: ['AppInstance'],
    selfService: true,
  },
  'user.authentication.auth_via_mfa': {
    displayMessage: 'Authentication of user via MFA',
    targets: ['AuthenticatorEnrollment'],
    selfService: true,
  },
  'user.lifecycle.create': {
    displayMessage: 'Create okta user',
    targets: ['User'],
    legacyEventType: 'core.user.config.user_creation_success',
  },
  'user.lifecycle.activate': { displayMessage: 'Activate Okta user', targets: ['User'] },
  'user.lifecycle.deactivate': {
    displayMessage: 'Deactivate Okta user',
    targets: ['User'],
    legacyEventType: 'core.user.config.user_deactivated',
  },
  'user.lifecycle.suspend': { displayMessage: 'Suspend Okta user', targets: ['User'] },
  'user.lifecycle.unsuspend': { displayMessage: 'Unsuspend Okta user', targets: ['User'] },
  'user.lifecycle.delete.initiated': { displayMessage: 'Delete Okta user', targets: ['User'] },
  'user.account.lock': {
    displayMessage: 'Max sign in attempts exceeded',
    targets: [],
    outcome: { result: 'FAILURE', reason: 'LOCKED_OUT' },
    severity: 'DEBUG',
    legacyEventType: 'core.user_auth.account_locked',
    selfService: true,
  },
  'user.account.unlock': { displayMessage: 'Unlock user account', targets: ['User'] },
  'user.account.update_profile': { displayMessage: 'Update user profile for Okta', targets: ['User'] },
  'user.account.reset_password': {
    displayMessage: "Fired when the user's Okta password is reset",
    targets: ['User'],
  },
  'user.account.update_password': {
    displayMessage: 'User update password for Okta',
    targets: ['User'],
    selfService: true,
  },
  'user.account.privilege.grant': { displayMessage: 'Grant user privilege', targets: ['User'] },
  'user.mfa.factor.activate': {
    displayMessage: 'User set up MFA factor',
    targets: ['AuthenticatorEnrollment'],
    selfService: true,
  },
  'user.mfa.factor.deactivate': {
    displayMessage: 'Reset factor for user',
    targets: ['User', 'AuthenticatorEnrollment'],
  },
  'group.user_membership.add': {
    displayMessage: 'Add user to group membership',
    targets: ['User', 'UserGroup'],
    legacyEventType: 'core.user_group_member.user_add',
  },
  'group.user_membership.remove': {
    displayMessage: 'Remove user from group membership',
    targets: ['User', 'UserGroup'],
  },
  'group.lifecycle.create': { displayMessage: 'Create Okta group', targets: ['UserGroup'] },
  'group.lifecycle.delete': { displayMessage: 'Delete Okta group', targets: ['UserGroup'] },
  'group.profile.update': { displayMessage: 'Update Okta group profile', targets: ['UserGroup'] },
  'group.application_assignment.add': {
    displayMessage: 'Add assigned application to group',
    targets: ['UserGroup', 'AppInstance'],
  },
  'application.user_membership.add': {
    displayMessage: 'Add user to application membership',
    targets: ['User', 'AppInstance'],
  },
  'application.user_membership.remove': {
    displayMessage: 'Remove user from application membership',
    targets: ['User', 'AppInstance'],
  },
  'application.lifecycle.create': { displayMessage: 'Create application', targets: ['AppInstance'] },
  'application.lifecycle.activate': { displayMessage: 'Activate application', targets: ['AppInstance'] },
  'application.lifecycle.deactivate': { displayMessage: 'Deactivate application', targets: ['AppInstance'] },
  'policy.lifecycle.update': { displayMessage: 'Update policy', targets: ['Policy'] },
  'device.lifecycle.activate': { displayMessage: 'Activate device', targets: ['Device'] },
};

/** The types offered first in the sample picker. */
export const FEATURED_SAMPLE_TYPES = Object.keys(EVENT_TEMPLATES);
