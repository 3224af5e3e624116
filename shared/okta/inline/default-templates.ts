import type { InlineRequestType } from '../../model/inline';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * A starting answer per type that Okta accepts for the inspector's samples, using variables
 * from the request. Users edit and save their own; these come back with "reset".
 */
export const DEFAULT_TEMPLATES: Record<InlineRequestType, string> = {
  token: json({
    commands: [
      {
        type: 'com.okta.access.patch',
        value: [{ op: 'add', path: '/claims/inspected_login', value: '{{login}}' }],
      },
    ],
    debugContext: { answeredBy: 'okta-hook-inspector template', eventId: '{{eventId}}' },
  }),
  saml: json({
    commands: [
      {
        type: 'com.okta.assertion.patch',
        value: [
          {
            op: 'add',
            path: '/claims/inspectedLogin',
            value: {
              attributes: { NameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' },
              attributeValues: [{ attributes: { 'xsi:type': 'xs:string' }, value: '{{login}}' }],
            },
          },
        ],
      },
    ],
  }),
  registration: json({ commands: [{ type: 'com.okta.action.update', value: { registration: 'ALLOW' } }] }),
  'progressive-profile': json({
    commands: [{ type: 'com.okta.action.update', value: { registration: 'ALLOW' } }],
  }),
  'password-import': json({
    commands: [{ type: 'com.okta.action.update', value: { credential: 'VERIFIED' } }],
  }),
  'user-import': json({ commands: [{ type: 'com.okta.action.update', value: { result: 'CREATE_USER' } }] }),
  telephony: json({
    commands: [
      {
        type: 'com.okta.telephony.action',
        value: [
          {
            status: 'SUCCESSFUL',
            provider: 'OKTA_HOOK_INSPECTOR',
            transactionId: 'inspector-{{eventId}}',
            transactionMetadata: 'Answered by the inspector template; no message was sent',
          },
        ],
      },
    ],
  }),
};
