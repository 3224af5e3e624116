import path from 'node:path';
import type { JobView } from '../../../shared/model/job';
import type { Credentials } from '../../../shared/okta/secret-mask';
import type { TransferHost } from '../deps';
import type { ExchangeStore, Selector } from '../store/exchange-store';
import { runExport, type ExportFormat } from './export-job';
import { runImport } from './import-job';
import type { Jobs } from './jobs';

export interface TransferDeps {
  store: ExchangeStore;
  host: TransferHost;
  jobs: Jobs;
  credentials: () => Credentials;
  version: string;
  newId: () => string;
  now: () => number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `okta-hooks-2026-05-01-1403.har`: sorts by date, says what is inside. */
function exportName(format: ExportFormat, at: number): string {
  const d = new Date(at);
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  return `okta-hooks-${stamp}.${format}`;
}

/** Export and import as jobs: the command returns at once, progress arrives as pushes. */
export class Transfers {
  /**
   * Imports run one after another: each asks what is already in history before it writes, so
   * two imports of one file at once must not both find an exchange missing and store it twice.
   */
  private imports: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TransferDeps) {}

  async exportExchanges(
    input: Selector & { format: ExportFormat; revealSecrets: boolean },
  ): Promise<JobView | null> {
    const { store, host, jobs } = this.deps;
    // The selection is fixed now; what arrives while the file is written is not in it.
    const seqs = await store.select(input);
    const name = exportName(input.format, this.deps.now());
    const target = await host.exportTarget(name);
    if (target === null) return null;
    // A desktop user may have renamed it in the save dialog.
    const fileName = target.downloadUrl === undefined ? path.basename(target.path) : name;
    const title = `Export ${seqs.length} exchange${seqs.length === 1 ? '' : 's'} as ${input.format === 'har' ? 'HAR' : 'NDJSON'}`;
    return jobs.start('export', title, seqs.length, (job) =>
      runExport(
        this.deps,
        { format: input.format, seqs, revealSecrets: input.revealSecrets, target, name: fileName },
        job,
      ),
    );
  }

  async importExchanges(upload: string | undefined): Promise<JobView | null> {
    const source = await this.deps.host.importSource(upload);
    if (source === null) return null;
    return this.deps.jobs.start('import', `Import ${source.name}`, 0, (job) => {
      const run = this.imports.then(() => runImport(this.deps, source, job));
      this.imports = run.catch(() => undefined);
      return run;
    });
  }
}
