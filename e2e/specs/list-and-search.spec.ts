import { expect, fixtureText, test } from '../fixtures';
import { olderHarFile } from '../older-har';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** A delivery received now (row 0) and one imported from a file captured days ago (row 1). */
async function oneLiveOneImported(okta: Fixtures['okta'], inspector: Fixtures['inspector']) {
  await okta.deliver(fixtureText('02-batch-mixed-3-events.json'));
  await inspector.importFile(olderHarFile());
  await expect(inspector.rows).toHaveCount(2);
}

test('should show the date of a row from another day, and only the time of today’s', async ({
  okta,
  inspector,
}) => {
  await oneLiveOneImported(okta, inspector);
  const times = inspector.rows.locator('.cell--time');
  const older = times.filter({ hasText: /^\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/ });
  await expect(older).toHaveCount(1);
  const expected = await inspector.page.evaluate(() => {
    const d = new Date(Date.now() - 3 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
  await expect(older).toContainText(expected);
  await expect(times.filter({ hasText: /^\d{2}:\d{2}:\d{2}\.\d{3}$/ })).toHaveCount(1);
});

test('should say an imported row was not checked for a secret, not that none is configured', async ({
  okta,
  inspector,
}) => {
  await oneLiveOneImported(okta, inspector);
  await expect(inspector.row(0).getByTestId('auth-badge')).toHaveText('auth ✓');
  const imported = inspector.row(1).getByTestId('auth-badge');
  await expect(imported).toHaveText('unchecked');
  await expect(imported).toHaveAttribute('title', /^Imported: no secret was checked/);
  await inspector.openRow(1);
  await expect(inspector.detail.getByTestId('auth-badge')).toHaveText('unchecked');
  await expect(inspector.detail.getByTestId('note-auth')).toHaveClass(/note--neutral/);
  await expect(inspector.detail).not.toContainText('from unknown');
});

test('should show which event type a row matched when it is not the first', async ({ okta, inspector }) => {
  await okta.deliver(fixtureText('02-batch-mixed-3-events.json'));
  await expect(inspector.row(0)).toContainText('user.lifecycle.create +2');
  await inspector.search('type:user.account.*');
  await expect(inspector.rows).toHaveCount(1);
  const matched = inspector.row(0).getByTestId('matched-type');
  await expect(matched).toHaveText('user.account.lock');
  await expect(inspector.row(0).locator('.cell--events')).toContainText('user.account.lock +2');
});

test('should find a branch of event types by its start up to a dot', async ({ okta, inspector }) => {
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await okta.deliver(fixtureText('02-batch-mixed-3-events.json'));
  await expect(inspector.rows).toHaveCount(2);
  const count = inspector.page.getByTestId('list-count');
  // Typed, not completed: Enter would pick the first suggestion, a whole type.
  await inspector.searchInput.fill('type:user.session');
  await expect(count).toContainText('1 of 2 match');
  await expect(inspector.row(0)).toContainText('user.session.start');
  await inspector.searchInput.fill('type:user.sess');
  await expect(inspector.page.getByTestId('no-matches')).toBeVisible();
});

test('should apply what was typed on Enter, and a suggestion only once the arrows chose it', async ({
  okta,
  inspector,
}) => {
  await okta.deliver(fixtureText('01-user-session-start.json'));
  await okta.deliver(fixtureText('02-batch-mixed-3-events.json'));
  await expect(inspector.rows).toHaveCount(2);
  const { searchInput, page } = inspector;
  const suggestions = page.getByTestId('suggestions');
  await searchInput.fill('type:user.session');
  await expect(suggestions.getByRole('option', { name: /user\.session\.start/ })).toBeVisible();
  await expect(suggestions.getByRole('option', { selected: true })).toHaveCount(0);
  await searchInput.press('Enter');
  await expect(searchInput).toHaveValue('type:user.session');
  await expect(page.getByTestId('list-count')).toContainText('1 of 2 match');
  // Applied: the list closes, so it no longer covers the chips and the timeline; typing reopens it.
  await expect(suggestions).toBeHidden();
  await expect(searchInput).toHaveAttribute('aria-expanded', 'false');

  await searchInput.fill('type:user.sess');
  await expect(suggestions).toBeVisible();
  await searchInput.press('ArrowDown');
  const chosen = suggestions.getByRole('option', { selected: true });
  await expect(chosen).toHaveCount(1);
  await expect(searchInput).toHaveAttribute('aria-activedescendant', (await chosen.getAttribute('id'))!);
  await searchInput.press('Enter');
  await expect(searchInput).toHaveValue(/^type:user\.session\.start $/);
});

test('should offer completions for the word at the caret when only the caret moves', async ({
  inspector,
}) => {
  const { searchInput, page } = inspector;
  const suggestions = page.getByTestId('suggestions');
  await searchInput.click();
  await page.keyboard.type('type:user sta');
  await expect(suggestions.getByRole('option', { name: /^status:/ })).toBeVisible();
  // Home puts the caret before `type:`, where nothing is offered: Tab would otherwise complete
  // the word the caret left.
  await searchInput.press('Home');
  await expect(suggestions).toBeHidden();
  await searchInput.press('End');
  await expect(suggestions.getByRole('option', { name: /^status:/ })).toBeVisible();
  await searchInput.press('Escape');
  await expect(suggestions).toBeHidden();
  // A click in the box offers completions for the word under the caret.
  await searchInput.click({ position: { x: 30, y: 8 } });
  await expect(suggestions.getByRole('option', { name: /^type:/ })).toBeVisible();
});

test('should not spell-check the search box, whose words are keys and event types', async ({ inspector }) => {
  await expect(inspector.searchInput).toHaveJSProperty('spellcheck', false);
});

test('should say, in place, why part of a search is ignored', async ({ inspector }) => {
  await inspector.search('status:abc maria');
  const problem = inspector.page.getByTestId('query-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('status:abc is ignored');
  await expect(problem).toContainText('not a status class');
  await inspector.search('typo:foo');
  await expect(problem).toContainText(
    'typo:foo is ignored: typo: is not a search field (did you mean type:?)',
  );
  await expect(problem).toContainText('the fields are type: kind:');
});
