/**
 * The names of every command and push, without their schemas: the preload and the IPC
 * wiring need only these, and stay free of the validation library. `commands.ts` and
 * `events.ts` are checked against these lists by the compiler (`satisfies`), both ways.
 */
export const commandNames = [
  'status.get',
  'settings.get',
  'settings.update',
  'settings.revealSecret',
  'secrets.protect',
  'secrets.unlock',
  'exchanges.list',
  'exchanges.get',
  'exchanges.match',
  'exchanges.timeline',
  'exchanges.pin',
  'exchanges.delete',
  'exchanges.clear',
  'exchanges.export',
  'exchanges.import',
  'jobs.cancel',
  'samples.send',
  'replay.run',
  'tunnel.status',
  'tunnel.start',
  'tunnel.stop',
  'okta.get',
  'okta.connect',
  'okta.keys.generate',
  'okta.disconnect',
  'okta.configure',
  'okta.refresh',
  'okta.hooks.point',
  'okta.hooks.retarget',
  'okta.hooks.deactivate',
  'okta.hooks.delete',
  'okta.deliveries.list',
  'okta.record.get',
  'okta.deliveries.resend',
  'okta.hooks.filter',
  'filters.list',
  'filters.save',
  'filters.delete',
  'filters.preview',
  'filters.fields',
  'inline.get',
  'inline.configure',
  'inline.check',
  'inline.release',
  'okta.inlineHooks.list',
  'okta.inlineHooks.point',
  'okta.inlineHooks.lifecycle',
  'okta.inlineHooks.preview',
] as const;

export const eventNames = [
  'exchanges.appended',
  'exchanges.updated',
  'exchanges.removed',
  'exchanges.cleared',
  'exchanges.changed',
  'jobs.changed',
  'status.changed',
  'settings.changed',
  'tunnel.changed',
  'menu.invoked',
  'okta.changed',
  'filters.changed',
  'inline.changed',
] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

const commandSet: ReadonlySet<string> = new Set(commandNames);
const eventSet: ReadonlySet<string> = new Set(eventNames);

export const isCommandName = (name: string): name is CommandName => commandSet.has(name);
export const isEventName = (name: string): name is EventName => eventSet.has(name);
