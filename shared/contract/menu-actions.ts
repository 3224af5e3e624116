/** What the desktop app's native menu asks the UI to do (pushed as `menu.invoked`). */
export const menuActions = [
  'export',
  'import',
  'send-sample',
  'settings',
  'search',
  'toggle-detail',
  'theme-light',
  'theme-dark',
  'theme-system',
  'shortcuts',
] as const;

export type MenuAction = (typeof menuActions)[number];
