import type { ExchangeSummary } from '../../../shared/model/exchange';

/** Beyond this many distinct values (a flood of odd paths), new ones are simply not shared. */
const MAX_POOLED = 20_000;

/**
 * One copy of the strings summaries repeat: every delivery has the same path, hook id and a
 * few hundred possible event type lists. Parsing the log gives each exchange its own copies;
 * sharing them saves about 15 MB at 100,000 exchanges.
 */
export class SummaryPool {
  private readonly strings = new Map<string, string>();
  private readonly typeLists = new Map<string, string[]>();

  share(summary: ExchangeSummary): ExchangeSummary {
    summary.method = this.string(summary.method);
    summary.path = this.string(summary.path);
    if (summary.hookId !== undefined) summary.hookId = this.string(summary.hookId);
    summary.eventTypes = this.types(summary.eventTypes);
    return summary;
  }

  private string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size < MAX_POOLED) this.strings.set(value, value);
    return value;
  }

  private types(list: string[]): string[] {
    const key = list.join('\n');
    const known = this.typeLists.get(key);
    if (known !== undefined) return known;
    const shared = list.map((type) => this.string(type));
    if (this.typeLists.size < MAX_POOLED) this.typeLists.set(key, shared);
    return shared;
  }
}
