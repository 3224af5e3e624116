import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, OKTA_EVENT_HOOKS_DOCS } from './app-menu';

const handlers = () => ({ send: vi.fn(), openDataFolder: vi.fn(), openDocs: vi.fn(), about: vi.fn() });

const items = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((menu) => menu.label === label || menu.role === label.toLowerCase())?.submenu ??
    []) as MenuItemConstructorOptions[];

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as () => void | undefined)?.();

describe('application menu', () => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    const linux = buildMenuTemplate(handlers(), 'linux');
    expect(linux.map((menu) => menu.label ?? menu.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
    expect(buildMenuTemplate(handlers(), 'darwin')[0]?.role).toBe('appMenu');
  });

  it('routes File and View items to the UI, and opens the data folder and the docs', () => {
    const h = handlers();
    const template = buildMenuTemplate(h, 'linux');
    const file = items(template, 'File');
    click(file.find((item) => item.label === 'Export…'));
    click(file.find((item) => item.label === 'Import…'));
    click(file.find((item) => item.label === 'Open Data Folder'));
    click(items(template, 'View').find((item) => item.label === 'Dark Theme'));
    click(items(template, 'Help').find((item) => item.label === 'Okta Event Hooks Documentation'));
    expect(h.send.mock.calls.map(([action]) => action as string)).toEqual(['export', 'import', 'theme-dark']);
    expect(h.openDataFolder).toHaveBeenCalled();
    expect(h.openDocs).toHaveBeenCalled();
    expect(OKTA_EVENT_HOOKS_DOCS).toMatch(/^https:\/\//);
  });

  it('shows single-key UI shortcuts without registering them (typing in a field must not trigger them)', () => {
    const template = buildMenuTemplate(handlers(), 'linux');
    const search = items(template, 'View').find((item) => item.label === 'Search');
    expect(search).toMatchObject({ accelerator: '/', registerAccelerator: false });
    const exportItem = items(template, 'File').find((item) => item.label === 'Export…');
    expect(exportItem?.accelerator).toBe('CmdOrCtrl+E');
    expect(exportItem?.registerAccelerator).toBeUndefined();
  });
});
