import type { filterCommands } from '../../../shared/contract/filter-commands';
import type { FilterEngine } from '../filters/filter-engine';
import type { OktaOrg } from '../okta-org/okta-org';
import type { Handlers } from './dispatcher';

/** The event hook filter commands; inputs arrive validated by the dispatcher. */
export function createFilterHandlers(
  filters: FilterEngine,
  okta: OktaOrg,
): Pick<Handlers, keyof typeof filterCommands> {
  return {
    'filters.list': () => filters.state(),
    'filters.save': (input) => filters.save(input),
    'filters.delete': ({ name }) => filters.remove(name),
    'filters.preview': ({ eventType, expression }) => filters.preview(eventType, expression),
    'filters.fields': ({ eventType }) => filters.fields(eventType),
    'okta.hooks.filter': ({ hookId, entries }) => okta.setFilter(hookId, entries),
  };
}
