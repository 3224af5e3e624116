import { describe, expect, it } from 'vitest';
import { menuActions } from '../../../../shared/contract/menu-actions';
import { createFakeBridge } from '../../../../test-support/renderer/fake-bridge';
import { createAppStore } from '../../store/create-app-store';
import { runMenuAction } from './menu-actions';

const setUp = () => {
  const bridge = createFakeBridge();
  const store = createAppStore();
  let searched = 0;
  const context = { store, bridge, focusSearch: () => (searched += 1) };
  return { bridge, store, context, searched: () => searched };
};

describe('runMenuAction', () => {
  it('opens the dialog the menu item names', () => {
    const { store, context } = setUp();
    const dialogs = {
      export: 'export',
      'send-sample': 'sample',
      settings: 'settings',
      shortcuts: 'shortcuts',
    } as const;
    for (const [action, dialog] of Object.entries(dialogs)) {
      runMenuAction(action as keyof typeof dialogs, context);
      expect(store.getState().dialog).toBe(dialog);
    }
  });

  it('switches the theme, toggles the detail pane and focuses the search', () => {
    const { store, context, searched } = setUp();
    runMenuAction('theme-dark', context);
    expect(store.getState().theme).toBe('dark');
    runMenuAction('theme-light', context);
    expect(store.getState().theme).toBe('light');
    runMenuAction('theme-system', context);
    expect(store.getState().theme).toBe('system');
    runMenuAction('toggle-detail', context);
    expect(store.getState().detailHidden).toBe(true);
    runMenuAction('toggle-detail', context);
    expect(store.getState().detailHidden).toBe(false);
    runMenuAction('search', context);
    expect(searched()).toBe(1);
  });

  it('asks the engine for an import through its own file dialog', () => {
    const { bridge, context } = setUp();
    runMenuAction('import', context);
    expect(bridge.calls).toEqual([{ name: 'exchanges.import', input: {} }]);
  });

  it('handles every action the menu can send', () => {
    const { context } = setUp();
    for (const action of menuActions) expect(() => runMenuAction(action, context)).not.toThrow();
  });
});
