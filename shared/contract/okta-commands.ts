import { z } from 'zod';
import type { DeliveryReport, ExchangeOktaRecord, HookRun, OktaState, PendingKey } from '../model/okta';
import { MAX_HOOK_EVENT_TYPES } from '../okta/event-hook';
import { isEventHookEligible } from '../okta/event-types';
import { FEATURE_SCOPES, type OktaFeature } from '../okta/service-app-scopes';
import { defineCommand, returns } from './define';

const noInput = z.object({}).strict();

/** Okta object ids (`who…`, `00T…`): letters and digits only, so they are safe in paths and filters. */
const oktaIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+$/, 'not an Okta id');

/** An SSWS token is one opaque word (https://developer.okta.com/docs/reference/core-okta-api/#api-token-authentication). */
const apiTokenSchema = z
  .string()
  .trim()
  .min(10, 'that is too short for an Okta API token')
  .max(512)
  .regex(/^[!-~]+$/, 'an API token has no spaces or line breaks');

/** A service app: its client ID, the private key (or the one generated here), the features used. */
const serviceAppSchema = z
  .object({
    clientId: z
      .string()
      .trim()
      .min(1, 'enter the client ID')
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/, 'a client ID has letters and digits only'),
    /** PEM or JWK; absent to use the key pair generated here. */
    privateKey: z.string().trim().min(1).max(20_000).optional(),
    keyId: z.string().trim().min(1).max(200).optional(),
    features: z
      .array(z.enum(FEATURE_SCOPES.map(({ feature }) => feature) as [OktaFeature, ...OktaFeature[]]))
      .max(FEATURE_SCOPES.length)
      .refine((features) => new Set(features).size === features.length, 'a feature is listed twice'),
  })
  .strict();

const domainSchema = z.string().min(1).max(300);

const eventTypesSchema = z
  .array(z.string().refine(isEventHookEligible, 'not an event type Okta can deliver to a hook'))
  .min(1)
  .max(MAX_HOOK_EVENT_TYPES, `a hook subscribes to ${MAX_HOOK_EVENT_TYPES} event types at most`)
  .refine((types) => new Set(types).size === types.length, 'an event type is listed twice');

/** The Okta org integration: connection, hooks, System Log correlation, resend. */
export const oktaCommands = {
  'okta.get': defineCommand({
    summary: 'The Okta org connection, its event hooks, the latest runs and the System Log poller.',
    input: noInput,
    output: returns<OktaState>(),
  }),
  'okta.connect': defineCommand({
    summary:
      'Check an org domain and an API token, or a service app (client ID, private key, features), against Okta, then keep them (the secret encrypted).',
    input: z.union([
      z.object({ domain: domainSchema, token: apiTokenSchema }).strict(),
      z.object({ domain: domainSchema, serviceApp: serviceAppSchema }).strict(),
    ]),
    output: returns<OktaState>(),
  }),
  'okta.keys.generate': defineCommand({
    summary:
      'Make a key pair for a service app: the private key stays in the engine, the public JWK is returned to paste into Okta.',
    input: noInput,
    output: returns<PendingKey>(),
  }),
  'okta.disconnect': defineCommand({
    summary: 'Forget the org and its API token or private key, and stop polling.',
    input: noInput,
    output: returns<OktaState>(),
  }),
  'okta.configure': defineCommand({
    summary:
      'Set the public base URL entered by hand (null clears it) and whether hooks follow URL changes by themselves.',
    input: z
      .object({
        publicBase: z.string().max(2048).nullable().optional(),
        autoRetarget: z.boolean().optional(),
      })
      .strict(),
    output: returns<OktaState>(),
  }),
  'okta.refresh': defineCommand({
    summary: "List the org's hooks and the token's expiry again, and poll the System Log now.",
    input: noInput,
    output: returns<OktaState>(),
  }),
  'okta.hooks.point': defineCommand({
    summary:
      'Create a hook (or update `hookId`) to call the public hook URL with the secret and custom headers, verify it and activate it.',
    input: z
      .object({
        hookId: oktaIdSchema.optional(),
        name: z.string().trim().min(1).max(100).default('Okta Hook Inspector'),
        eventTypes: eventTypesSchema,
      })
      .strict(),
    output: returns<HookRun>(),
  }),
  'okta.hooks.retarget': defineCommand({
    summary: 'Point every tracked hook still calling an old URL at the current public URL, and verify again.',
    input: noInput,
    output: returns<{ runs: HookRun[] }>(),
  }),
  'okta.hooks.deactivate': defineCommand({
    summary: 'Deactivate a hook the inspector created.',
    input: z.object({ hookId: oktaIdSchema }).strict(),
    output: returns<HookRun>(),
  }),
  'okta.hooks.delete': defineCommand({
    summary: 'Deactivate (if needed) and delete a hook the inspector created.',
    input: z.object({ hookId: oktaIdSchema }).strict(),
    output: returns<HookRun>(),
  }),
  'okta.deliveries.list': defineCommand({
    summary: "Okta's account of each event meant for a tracked hook, beside what arrived here, newest first.",
    input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: returns<DeliveryReport>(),
  }),
  'okta.record.get': defineCommand({
    summary: "Okta's account of one captured exchange (its events, or its verification attempt).",
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: returns<ExchangeOktaRecord>(),
  }),
  'okta.deliveries.resend': defineCommand({
    summary:
      'Rebuild a delivery from these System Log events (like the Admin Console Preview) and send it through the receiver or to the forward target.',
    input: z
      .object({
        uuids: z.array(z.string().min(1).max(100)).min(1).max(50),
        target: z.enum(['receiver', 'forward']).default('receiver'),
      })
      .strict(),
    output: returns<{ exchangeIds: string[] }>(),
  }),
};
