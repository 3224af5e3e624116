import { ENVELOPE_EVENT_TYPE } from './envelope';
import { EVENT_TEMPLATES, type EventTemplate, type TargetKind } from './sample-templates';

/** Everything random or time-dependent in a sample, injected so tests are repeatable. */
export interface SampleContext {
  now: number;
  uuid(): string;
  /** Random characters for Okta-style ids, e.g. `00u` + 17 characters. */
  randomId(length: number): string;
  hookId: string;
}

const DOMAIN = 'https://dev-000000.okta.com';

/** Invented people at example.com, documentation IP ranges (RFC 5737), so samples leak nothing real. */
const PEOPLE = [
  {
    name: 'Maria Lopez',
    login: 'maria.lopez@example.com',
    ip: '198.51.100.23',
    city: 'Denver',
    state: 'Colorado',
  },
  { name: 'Sam Okafor', login: 'sam.okafor@example.com', ip: '203.0.113.57', city: 'Austin', state: 'Texas' },
  { name: 'Lee Chen', login: 'lee.chen@example.com', ip: '192.0.2.140', city: 'Portland', state: 'Oregon' },
] as const;

const TARGET_NAMES: Record<TargetKind, { prefix: string; displayName: string; alternateId: string }> = {
  User: { prefix: '00u', displayName: 'Sam Okafor', alternateId: 'sam.okafor@example.com' },
  UserGroup: { prefix: '00g', displayName: 'Engineering', alternateId: 'unknown' },
  AppInstance: { prefix: '0oa', displayName: 'Okta Dashboard', alternateId: 'Okta Dashboard' },
  AuthenticatorEnrollment: { prefix: 'lae', displayName: 'Password', alternateId: 'unknown' },
  Policy: { prefix: '00p', displayName: 'Default Policy', alternateId: 'unknown' },
  Device: { prefix: 'guo', displayName: 'MacBook Pro', alternateId: 'unknown' },
};

const PREFIX_TARGET: [string, TargetKind][] = [
  ['user.', 'User'],
  ['group.', 'UserGroup'],
  ['application.', 'AppInstance'],
  ['app.', 'AppInstance'],
  ['policy.', 'Policy'],
  ['device.', 'Device'],
];

/** For eligible types without a template: a message from the name and a target by its prefix. */
function genericTemplate(eventType: string): EventTemplate {
  const words = eventType.replace(/[._]/g, ' ');
  const target = PREFIX_TARGET.find(([prefix]) => eventType.startsWith(prefix))?.[1];
  return { displayMessage: words.charAt(0).toUpperCase() + words.slice(1), targets: target ? [target] : [] };
}

function buildEvent(eventType: string, index: number, publishedAt: number, context: SampleContext) {
  const template = EVENT_TEMPLATES[eventType] ?? genericTemplate(eventType);
  const person = PEOPLE[index % PEOPLE.length] ?? PEOPLE[0];
  const transactionId = context.randomId(27);
  return {
    uuid: context.uuid(),
    published: new Date(publishedAt).toISOString(),
    eventType,
    version: '0',
    displayMessage: template.displayMessage,
    severity: template.severity ?? (template.outcome?.result === 'FAILURE' ? 'WARN' : 'INFO'),
    client: {
      userAgent: {
        rawUserAgent:
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36',
        os: 'Mac OS X',
        browser: 'CHROME',
      },
      zone: 'null',
      device: 'Computer',
      id: null,
      ipAddress: person.ip,
      geographicalContext: {
        city: person.city,
        state: person.state,
        country: 'United States',
        postalCode: null,
        geolocation: null,
      },
    },
    device: null,
    actor: {
      id: `00u${context.randomId(17)}`,
      type: 'User',
      alternateId: template.selfService ? person.login : 'admin@example.com',
      displayName: template.selfService ? person.name : 'Ada Admin',
      detailEntry: null,
    },
    outcome: template.outcome ?? { result: 'SUCCESS', reason: null },
    target:
      template.targets.length === 0
        ? null
        : template.targets.map((kind) => ({
            id: `${TARGET_NAMES[kind].prefix}${context.randomId(17)}`,
            type: kind,
            alternateId: TARGET_NAMES[kind].alternateId,
            displayName: TARGET_NAMES[kind].displayName,
            detailEntry: null,
          })),
    transaction: { type: 'WEB', id: transactionId, detail: {} },
    debugContext: {
      debugData: {
        requestId: transactionId,
        requestUri: '/api/v1/sample',
        threatSuspected: 'false',
        targetEventHookIds: context.hookId,
      },
    },
    legacyEventType: template.legacyEventType ?? null,
    authenticationContext: {
      authenticationProvider: null,
      credentialProvider: null,
      credentialType: null,
      issuer: null,
      authenticationStep: 0,
      externalSessionId: context.randomId(25),
      interface: null,
    },
    securityContext: {
      asNumber: 64500,
      asOrg: 'example isp',
      isp: 'example isp',
      domain: 'example.com',
      isProxy: false,
    },
    insertionTimestamp: null,
  };
}

/**
 * A delivery like the ones Okta sends (https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload), with one event per requested type,
 * fresh ids and current timestamps: events published a few hundred ms apart, delivered after.
 */
export function buildSampleDelivery(
  eventTypes: string[],
  context: SampleContext,
): Record<string, unknown> & { data: { events: unknown[] } } {
  const first = context.now - 1500;
  return {
    eventType: ENVELOPE_EVENT_TYPE,
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: `${DOMAIN}/api/v1/eventHooks/${context.hookId}`,
    eventId: context.uuid(),
    eventTime: new Date(context.now).toISOString(),
    contentType: 'application/json',
    data: { events: eventTypes.map((type, index) => buildEvent(type, index, first + index * 250, context)) },
  };
}
