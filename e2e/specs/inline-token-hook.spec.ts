import { expect, fixtureText, oktaTest, SECRET, test } from '../fixtures';
import { InlinePanelPage } from '../pages/inline-panel-page';

/** A token inline hook call as Okta makes it, on the inspector's token path. */
const callTokenHook = (receiverUrl: string) =>
  fetch(new URL('/okta/inline/token', receiverUrl), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: SECRET },
    body: fixtureText('inline/token-request.json'),
  });

const patch = (op: Record<string, unknown>) =>
  JSON.stringify({ commands: [{ type: 'com.okta.access.patch', value: [op] }] }, null, 2);

test('should answer a token hook from an edited template, checked before it is saved and beside the call after', async ({
  app,
  inspector,
}, testInfo) => {
  const inline = new InlinePanelPage(inspector.page);
  await inline.open('token');
  await inline.setTemplate(patch({ op: 'remove', path: '/claims/external_guid', value: 'x' }));
  await expect(inline.templateVerdict()).toHaveText(
    'Okta issues the tokens without your patch: `remove` may not carry a value',
  );
  await inline.setTemplate(patch({ op: 'add', path: '/claims/login_copy', value: 'user {{login}}' }));
  await expect(inline.templateVerdict()).toHaveText('Okta applies your patch: 1 change to the access token');
  await inspector.page.screenshot({ path: testInfo.outputPath('inline-template.png') });
  await inline.save();
  await inline.close();

  const response = await callTokenHook(app.receiverUrl);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    commands: [
      {
        type: 'com.okta.access.patch',
        value: [{ op: 'add', path: '/claims/login_copy', value: 'user maria.lopez@example.com' }],
      },
    ],
  });

  await expect(inspector.rows).toHaveCount(1);
  await expect(inspector.row(0)).toHaveAttribute('data-kind', 'inline');
  await expect(inspector.row(0)).toContainText('com.okta.oauth2.tokens.transform');
  await inspector.openRow(0);
  const call = inspector.detail.getByTestId('inline-call');
  await expect(call).toHaveAttribute('data-type', 'token');
  await expect(call.getByTestId('inline-facts')).toContainText('maria.lopez@example.com');
  await expect(call.getByTestId('inline-facts')).toContainText('openid profile email offline_access');
  await expect(call.getByTestId('inline-answered-by')).toContainText('its saved template');
  await expect(call.getByTestId('inline-verdict')).toHaveAttribute('data-outcome', 'applied');
  await inspector.page.screenshot({ path: testInfo.outputPath('inline-call.png') });
});

test('should hold a token hook call at a breakpoint and send the answer edited in the UI within the budget', async ({
  app,
  inspector,
}, testInfo) => {
  const inline = new InlinePanelPage(inspector.page);
  await inline.open('token');
  await inline.chooseMode('breakpoint');
  await inline.save();
  await inline.close();

  const pending = callTokenHook(app.receiverUrl);
  await expect(inline.breakpoint).toBeVisible();
  await expect(inline.breakpoint.getByTestId('countdown')).toContainText('left of Okta’s 3 s');
  await expect(inline.breakpoint.getByTestId('inline-facts')).toContainText('maria.lopez@example.com');
  const edited = patch({ op: 'replace', path: '/token/lifetime/expiration', value: 900 });
  await inline.breakpoint.getByTestId('breakpoint-answer').fill(edited);
  await inline.breakpoint.getByTestId('breakpoint-send').click();

  const response = await pending;
  expect(await response.json()).toEqual(JSON.parse(edited));
  await expect(inline.breakpoint).toBeHidden();
  await inspector.openRow(0);
  const call = inspector.detail.getByTestId('inline-call');
  await expect(call.getByTestId('inline-answered-by')).toContainText('you, at a breakpoint');
  await expect(call.getByTestId('inline-verdict')).toHaveAttribute('data-outcome', 'applied');
  await inspector.page.screenshot({ path: testInfo.outputPath('inline-breakpoint-answered.png') });
});

oktaTest(
  'should create a token hook in the org and show Okta’s verdict of a preview beside the captured call',
  async ({ oktaPanel, oktaOrg, publicBase, inspector }, testInfo) => {
    await oktaPanel.open();
    await oktaPanel.connect('dev-000000.okta.com', oktaOrg.token);
    await expect(oktaPanel.panel.getByTestId('okta-connection')).toHaveAttribute('data-status', 'connected');
    await oktaPanel.setPublicBase(publicBase);
    await oktaPanel.close();

    const inline = new InlinePanelPage(inspector.page);
    await inline.open('token');
    const org = inline.panel.getByTestId('inline-org');
    await org.getByTestId('org-inline-kind').selectOption('token');
    await org.getByTestId('org-inline-create').click();
    const hook = org.getByTestId('org-inline-hook');
    await expect(hook).toContainText('calls here');
    const [created] = [...oktaOrg.org.inlineHooks.values()];
    expect(created).toMatchObject({ uri: `${publicBase}/okta/inline/token`, auth: { value: SECRET } });

    await hook.getByTestId('org-inline-preview').click();
    const preview = org.getByTestId('inline-preview');
    await expect(preview.getByTestId('inline-preview-okta')).toHaveText("Okta accepted the hook's answer.");
    await expect(preview.getByTestId('inline-preview-inspector')).toHaveAttribute('data-outcome', 'applied');
    await inspector.page.screenshot({ path: testInfo.outputPath('inline-preview.png') });
    await preview.getByRole('button', { name: 'Show the captured call' }).click();
    await expect(inspector.detail.getByTestId('inline-call')).toHaveAttribute('data-type', 'token');
  },
);
