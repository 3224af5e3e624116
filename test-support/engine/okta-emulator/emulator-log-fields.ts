/**
 * The LogEvent fields a System Log filter may name: the properties of Okta's `LogEvent` schema
 * (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/), with
 * `*` for the free-form maps (debugData, transaction detail, detail entries, change details).
 */
const FIELDS = `
uuid published eventType version severity legacyEventType displayMessage
actor.id actor.type actor.alternateId actor.displayName actor.detailEntry.*
client.id client.ipAddress client.zone client.device client.userAgent.rawUserAgent
client.userAgent.os client.userAgent.browser client.geographicalContext.city
client.geographicalContext.state client.geographicalContext.country
client.geographicalContext.postalCode client.geographicalContext.geolocation.lat
client.geographicalContext.geolocation.lon
outcome.result outcome.reason
target.id target.type target.alternateId target.displayName target.detailEntry.*
target.changeDetails.from.* target.changeDetails.to.*
transaction.id transaction.type transaction.detail.*
debugContext.debugData.*
authenticationContext.authenticationProvider authenticationContext.credentialProvider
authenticationContext.credentialType authenticationContext.externalSessionId
authenticationContext.interface authenticationContext.authenticationStep
authenticationContext.issuer.id authenticationContext.issuer.type
securityContext.asNumber securityContext.asOrg securityContext.isp securityContext.domain
securityContext.isProxy
request.ipChain.ip request.ipChain.version request.ipChain.source
request.ipChain.geographicalContext.city request.ipChain.geographicalContext.state
request.ipChain.geographicalContext.country
`
  .split(/\s+/)
  .filter((field) => field !== '');

export const isLogField = (attribute: string): boolean =>
  FIELDS.some((field) =>
    field.endsWith('.*')
      ? attribute.startsWith(field.slice(0, -1)) && attribute.length > field.length - 1
      : field === attribute,
  );

/** Fields Okta does not search with `co` (https://developer.okta.com/docs/reference/system-log-query/). */
export const NO_CONTAINS = ['debugContext.debugData.url', 'debugContext.debugData.requestUri'];
