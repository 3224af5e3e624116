import { promises as fs } from 'node:fs';
import path from 'node:path';
import { asRecord, asText } from '../../../shared/okta/json-access';
import type { Logger } from '../deps';
import { FEATURE_SCOPES, type OktaFeature } from '../../../shared/okta/service-app-scopes';
import { writeAtomically } from '../settings/atomic-file';

/** What the inspector remembers about one org's hooks. */
export interface OrgMemory {
  /** Hooks it created: it may deactivate and delete these. */
  createdHere: string[];
  /** Hooks it pointed here: watched in the System Log and moved when the public URL changes. */
  tracked: string[];
}

/** How the inspector signs in: nothing secret (the token or private key is in the vault). */
export type StoredAuth =
  | { kind: 'api-token' }
  | { kind: 'service-app'; clientId: string; keyId: string | null; features: OktaFeature[] };

/** Okta settings kept in `okta-org.json`; the API token or private key is kept apart, in the vault. */
export interface OktaPrefs {
  domain: string | null;
  auth: StoredAuth;
  /** The receiver's public base URL entered by hand, until the tunnel provides one. */
  manualBase: string | null;
  autoRetarget: boolean;
  orgs: Record<string, OrgMemory>;
}

const FILE = 'okta-org.json';
const EMPTY: OktaPrefs = {
  domain: null,
  auth: { kind: 'api-token' },
  manualBase: null,
  autoRetarget: false,
  orgs: {},
};

const FEATURES = new Set<string>(FEATURE_SCOPES.map(({ feature }) => feature));

/** Files from before service apps hold no `auth`: they were API token connections. */
function readAuth(value: unknown): StoredAuth {
  const auth = asRecord(value);
  const clientId = asText(auth?.clientId);
  if (auth?.kind !== 'service-app' || clientId === undefined) return { kind: 'api-token' };
  const features = Array.isArray(auth.features)
    ? auth.features.filter((f): f is OktaFeature => FEATURES.has(f as string))
    : [];
  return { kind: 'service-app', clientId, keyId: asText(auth.keyId) ?? null, features };
}

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((id) => (typeof id === 'string' ? [id] : [])) : [];

function read(value: unknown): OktaPrefs {
  const prefs = asRecord(value);
  const orgs = asRecord(prefs?.orgs) ?? {};
  return {
    domain: asText(prefs?.domain) ?? null,
    auth: readAuth(prefs?.auth),
    manualBase: asText(prefs?.manualBase) ?? null,
    autoRetarget: prefs?.autoRetarget === true,
    orgs: Object.fromEntries(
      Object.entries(orgs).map(([domain, memory]) => [
        domain,
        { createdHere: ids(asRecord(memory)?.createdHere), tracked: ids(asRecord(memory)?.tracked) },
      ]),
    ),
  };
}

/** Load, change and save the Okta preferences (a damaged file falls back to none). */
export class OktaPrefsStore {
  private constructor(
    private readonly file: string,
    private prefs: OktaPrefs,
  ) {}

  static async open(dataDir: string, logger: Logger): Promise<OktaPrefsStore> {
    const file = path.join(dataDir, FILE);
    let prefs = EMPTY;
    try {
      prefs = read(JSON.parse(await fs.readFile(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        logger.warn('okta-org.json unreadable', { file });
    }
    return new OktaPrefsStore(file, prefs);
  }

  current(): OktaPrefs {
    return this.prefs;
  }

  memory(domain: string): OrgMemory {
    return this.prefs.orgs[domain] ?? { createdHere: [], tracked: [] };
  }

  async update(change: Partial<Omit<OktaPrefs, 'orgs'>>): Promise<void> {
    await this.save({ ...this.prefs, ...change });
  }

  async remember(domain: string, change: (memory: OrgMemory) => OrgMemory): Promise<void> {
    await this.save({ ...this.prefs, orgs: { ...this.prefs.orgs, [domain]: change(this.memory(domain)) } });
  }

  private async save(next: OktaPrefs): Promise<void> {
    await writeAtomically(this.file, JSON.stringify(next, null, 2));
    this.prefs = next;
  }
}
