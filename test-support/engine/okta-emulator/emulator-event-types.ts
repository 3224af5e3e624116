/**
 * The emulated org's own list of event types it delivers to hooks: the 314 types tagged
 * `event-hook-eligible` in Okta's event type catalog (release 2026.08.1,
 * https://developer.okta.com/docs/reference/api/event-types/?q=event-hook-eligible), kept apart
 * from the inspector's copy so that a mistake in one is caught by the other.
 */
const CATALOG = `
access.request.cancel access.request.condition.activate access.request.condition.create
access.request.condition.deactivate access.request.condition.delete
access.request.condition.invalidate access.request.condition.update access.request.create
access.request.expire access.request.reject access.request.resolve access.request.sequence.create
access.request.sequence.delete access.request.sequence.update access.request.settings.update
access.request.update access.review.action access.review.close access.review.create
access.review.remediate access.review.start access.review.update
app.access_request.approver.approve app.access_request.approver.deny app.access_request.delete
app.access_request.deny app.access_request.expire app.access_request.grant
app.access_request.request app.ad.password_migration_campaign.user.migrate.end
app.ai_agent_provider.activate app.ai_agent_provider.create
app.ai_agent_provider.credential.validate app.ai_agent_provider.deactivate
app.ai_agent_provider.delete app.ai_agent_provider.import.complete
app.ai_agent_provider.import.start app.ai_agent_provider.import_staging.confirm
app.ai_agent_provider.import_staging.ignore app.ai_agent_provider.priority.update
app.ai_agent_provider.update app.interclient_mapping.create app.interclient_mapping.delete
app.interclient_mapping.delete_all app.oauth2.as.consent.grant app.oauth2.as.consent.revoke
app.oauth2.as.consent.revoke.implicit.as app.oauth2.as.consent.revoke.implicit.client
app.oauth2.as.consent.revoke.implicit.scope app.oauth2.as.consent.revoke.implicit.user
app.oauth2.as.consent.revoke.user app.oauth2.as.consent.revoke.user.client
app.oauth2.as.token.grant.interclient_token app.oauth2.client.privilege.grant
app.oauth2.client.privilege.revoke app.oauth2.token.grant.interclient_token
app.oauth2.trusted_server.add app.oauth2.trusted_server.delete app.user_management
app.user_management.user_group_import.upsert_success
application.account.decision.confirm application.account.decision.ignore
application.account.decision.revoke application.account.detect application.account.match.update
application.account.remove application.lifecycle.activate application.lifecycle.create
application.lifecycle.deactivate application.lifecycle.delete application.lifecycle.update
application.policy.sign_on.deny_access
application.provision.group_push.mapping.update.or.delete.failed.with.error
application.provision.user.delete application.provision.user.delete.schedule
application.provision.user.import_profile application.provision.user.push
application.provision.user.push_profile application.provision.user.reactivate
application.provision.user.remove_entitlements
application.provision.user.remove_entitlements.schedule application.provision.user.sync
application.user_membership.add application.user_membership.change_password
application.user_membership.remove application.user_membership.update
certification.campaign.close certification.campaign.context.update
certification.campaign.item.decide certification.campaign.item.remediate
certification.campaign.launch
device.enrollment.create device.lifecycle.activate device.lifecycle.deactivate
device.lifecycle.delete device.lifecycle.suspend device.lifecycle.unsuspend device.user.add
device.user.remove
entitlement.migration.complete entitlement.migration.fail entitlement.migration.start
governance.principal.settings.update governance.settings.update
group.application_assignment.add group.application_assignment.remove
group.application_assignment.update group.lifecycle.create group.lifecycle.delete
group.privilege.grant group.privilege.revoke group.profile.update group.user_membership.add
group.user_membership.remove
iam.policy.assignee_configuration.update iam.policy.configuration.update
iam.resourceset.bindings.add iam.resourceset.bindings.delete iam.resourceset.create
iam.resourceset.delete iam.resourceset.resources.add iam.resourceset.resources.delete
iam.resourceset.resources.update iam.resourceset.update iam.role.create iam.role.delete
iam.role.permission.conditions.add iam.role.permission.conditions.delete iam.role.permissions.add
iam.role.permissions.delete iam.role.subscriptions.update iam.role.update
inline_hook.executed
policy.auth_reevaluate.fail policy.branch.lifecycle.promote policy.branch.lifecycle.rollback
policy.branch.lifecycle.stage policy.branch.lifecycle.update policy.branch.rule.activate
policy.branch.rule.add policy.branch.rule.deactivate policy.branch.rule.delete
policy.branch.rule.update policy.lifecycle.activate policy.lifecycle.deactivate
policy.lifecycle.update policy.rule.activate policy.rule.add policy.rule.deactivate
policy.rule.delete policy.rule.update
resource.collection.assign resource.collection.create resource.collection.delete
resource.collection.unassign resource.collection.update resource.entitlement.create
resource.entitlement.delete resource.entitlement.update resource.entitlement_bundle.create
resource.entitlement_bundle.delete resource.entitlement_bundle.update
resource.entitlement_policy.activate resource.entitlement_policy.draft.create
resource.entitlement_policy.draft.delete resource.entitlement_policy.draft.update
resource.governance_engine.disable resource.governance_engine.enable
resource.label.assignment.update resource.label.update resource.owner.update
resource.risk_rule.create resource.risk_rule.delete resource.risk_rule.update
resource.user_entitlements.drift.detect resource.user_entitlements.drift.revert
resource.user_entitlements.update
resource_servers.a2a_server.auth_server.add resource_servers.a2a_server.auth_server.remove
resource_servers.a2a_server.delete resource_servers.a2a_server.register
resource_servers.api_server.activate resource_servers.api_server.auth_server.add
resource_servers.api_server.auth_server.remove resource_servers.api_server.auth_server.update
resource_servers.api_server.deactivate resource_servers.api_server.delete
resource_servers.api_server.register resource_servers.api_server.update
resource_servers.client_authentication_settings.create
resource_servers.client_authentication_settings.delete
resource_servers.client_authentication_settings.update resource_servers.mcp_server.activate
resource_servers.mcp_server.auth_server.create resource_servers.mcp_server.auth_server.delete
resource_servers.mcp_server.auth_server.update resource_servers.mcp_server.capability.discover
resource_servers.mcp_server.deactivate resource_servers.mcp_server.delete
resource_servers.mcp_server.register resource_servers.mcp_server.update
resource_servers.virtual_mcp_server.auth_server.add
resource_servers.virtual_mcp_server.auth_server.remove
resource_servers.virtual_mcp_server.capability.add
resource_servers.virtual_mcp_server.capability.remove
resource_servers.virtual_mcp_server.capability.update
security.authenticator.lifecycle.activate security.authenticator.lifecycle.create
security.authenticator.lifecycle.deactivate security.authenticator.lifecycle.update
security.breached_credential.detected security.trusted_origin.activate
security.trusted_origin.create security.trusted_origin.deactivate security.trusted_origin.delete
security.trusted_origin.update
system.api_token.create system.api_token.request_outside_allowed_range system.api_token.revoke
system.email.delivery system.idp.key.create system.idp.key.delete system.idp.key.update
system.idp.lifecycle.activate system.idp.lifecycle.create system.idp.lifecycle.deactivate
system.idp.lifecycle.delete system.idp.lifecycle.read_client_secret system.idp.lifecycle.update
system.import.complete system.import.entitlement.upper_limit_exceeded system.import.group.create
system.import.group.delete system.import.roadblock system.import.start
system.log_stream.lifecycle.activate system.log_stream.lifecycle.create
system.log_stream.lifecycle.deactivate system.log_stream.lifecycle.delete
system.log_stream.lifecycle.update system.mfa.preregister.initiate
system.oauth2.token.request_outside_allowed_range system.org.rate_limit.violation
system.org.rate_limit.warning system.sms.send_phone_verification_message
system.voice.send_phone_verification_call
user.account.lock user.account.privilege.grant user.account.privilege.revoke
user.account.report_suspicious_activity_by_enduser user.account.reset_password
user.account.subscriptions.update user.account.unlock user.account.unlock_by_admin
user.account.update_password user.account.update_profile user.authentication.auth_via_IDP
user.authentication.auth_via_mfa user.authentication.auth_via_social
user.authentication.authenticate user.authentication.sso user.authentication.universal_logout
user.authentication.universal_logout.scheduled user.behavior.profile.reset user.chrome.data.clear
user.credential.enroll user.identity_verification user.identity_verification.start
user.import.password user.lifecycle.activate user.lifecycle.create user.lifecycle.deactivate
user.lifecycle.delete.initiated user.lifecycle.reactivate user.lifecycle.suspend
user.lifecycle.unsuspend user.mfa.factor.activate user.mfa.factor.deactivate
user.mfa.factor.reset_all user.mfa.factor.suspend user.mfa.factor.unsuspend user.mfa.factor.update
user.mfa.promote_enrollment user.risk.change user.risk.detect user.session.clear
user.session.context.change user.session.end user.session.start
workload_principal.activate workload_principal.ai_agent.activate
workload_principal.ai_agent.credential.activate workload_principal.ai_agent.credential.create
workload_principal.ai_agent.credential.deactivate workload_principal.ai_agent.credential.delete
workload_principal.ai_agent.deactivate workload_principal.ai_agent.delete
workload_principal.ai_agent.register workload_principal.ai_agent.sign_on_provider.add
workload_principal.ai_agent.sign_on_provider.remove workload_principal.ai_agent.update
workload_principal.deactivate workload_principal.delegation_link.create
workload_principal.delegation_link.delete workload_principal.delete workload_principal.register
workload_principal.resource_connection.activate workload_principal.resource_connection.create
workload_principal.resource_connection.deactivate workload_principal.resource_connection.delete
workload_principal.resource_connection.update workload_principal.sign_on_provider.add
workload_principal.sign_on_provider.remove workload_principal.update
`;

const ELIGIBLE = new Set(CATALOG.split(/\s+/).filter((type) => type !== ''));

export const isDeliverable = (eventType: string): boolean => ELIGIBLE.has(eventType);
