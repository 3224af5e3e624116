/**
 * What the inspector does with a service app, and the one Okta scope each needs: a connection
 * asks for these and nothing more (https://developer.okta.com/docs/guides/implement-oauth-for-okta/).
 */
export type OktaFeature = 'manage-hooks' | 'system-log' | 'inline-hooks';

export interface FeatureScope {
  feature: OktaFeature;
  scope: string;
  label: string;
}

export const FEATURE_SCOPES: readonly FeatureScope[] = [
  {
    feature: 'manage-hooks',
    scope: 'okta.eventHooks.manage',
    label: 'Point event hooks here: create, update, verify, activate, retire',
  },
  {
    feature: 'system-log',
    scope: 'okta.logs.read',
    label: "Okta's account of each delivery, from the System Log",
  },
  {
    feature: 'inline-hooks',
    scope: 'okta.inlineHooks.manage',
    label: 'Point inline hooks here and preview them through Okta',
  },
];

/** Listing the org's hooks needs at least this; `.manage` includes it. */
export const HOOKS_READ_SCOPE = 'okta.eventHooks.read';

/** The least scopes for these features: hooks are always listed, so read them at least. */
export function scopesFor(features: readonly OktaFeature[]): string[] {
  const chosen = FEATURE_SCOPES.filter(({ feature }) => features.includes(feature)).map(({ scope }) => scope);
  return chosen.includes('okta.eventHooks.manage') ? chosen : [HOOKS_READ_SCOPE, ...chosen];
}
