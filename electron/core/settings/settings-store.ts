import { promises as fs } from 'node:fs';
import path from 'node:path';
import { storedSettingsSchema, type SettingsPatch } from '../../../shared/contract/schemas';
import type {
  AuthtokenSource,
  ForwardSettings,
  Settings,
  SettingsView,
} from '../../../shared/model/settings';
import { maskSecret } from '../../../shared/okta/secret-mask';
import type { Logger, SecretVault } from '../deps';
import { writeAtomically } from './atomic-file';
import { DEFAULT_SETTINGS } from './defaults';

const FILE = 'settings.json';

/** An ngrok authtoken the host found for this run (NGROK_AUTHTOKEN, --ngrok-authtoken-file). */
export interface AuthtokenOverride {
  value: string;
  source: Exclude<AuthtokenSource, 'saved'>;
}

/** Values given on the command line: they apply to this run and are not written to disk. */
export type SettingsOverrides = Partial<Omit<Settings, 'forward'>> & {
  forward?: Partial<ForwardSettings>;
  secret?: string;
  ngrokAuthtoken?: AuthtokenOverride;
};

type StoredOverrides = Omit<SettingsOverrides, 'secret' | 'ngrokAuthtoken'>;

/**
 * Settings persisted as JSON in the data directory, with the secret kept apart in a vault.
 * Command-line overrides sit on top until the user changes the same setting in the UI.
 */
export class SettingsStore {
  private constructor(
    private readonly file: string,
    private persisted: Settings,
    private overrides: StoredOverrides,
    private secretValue: string | null,
    private token: { value: string; source: AuthtokenSource } | null,
    private readonly vault: SecretVault,
  ) {}

  static async open(options: {
    dataDir: string;
    vault: SecretVault;
    logger: Logger;
    overrides?: SettingsOverrides;
  }): Promise<SettingsStore> {
    const file = path.join(options.dataDir, FILE);
    const persisted = await readSettings(file, options.logger);
    const { secret, ngrokAuthtoken, ...overrides } = options.overrides ?? {};
    const secretValue = secret ?? (await options.vault.get('hookSecret'));
    const saved = await options.vault.get('ngrokAuthtoken');
    const token = ngrokAuthtoken ?? (saved === null ? null : { value: saved, source: 'saved' as const });
    return new SettingsStore(file, persisted, overrides, secretValue, token, options.vault);
  }

  current(): Settings {
    return {
      ...this.persisted,
      ...this.overrides,
      forward: { ...this.persisted.forward, ...this.overrides.forward },
    };
  }

  /** The shared secret in clear. Only the receiver and exports that asked for it may call this. */
  secret(): string | null {
    return this.secretValue;
  }

  /** The ngrok authtoken in clear. Only the tunnel may call this; it never reaches a UI or a log. */
  ngrokAuthtoken(): string | null {
    return this.token?.value ?? null;
  }

  view(): SettingsView {
    const secret = this.secretValue ?? '';
    const token = this.token?.value ?? '';
    return {
      ...this.current(),
      secret: { configured: secret !== '', masked: maskSecret(secret) },
      ngrokAuthtoken: {
        configured: token !== '',
        masked: maskSecret(token),
        source: this.token?.source ?? null,
      },
      secretStorage: this.vault.storage(),
    };
  }

  async update(patch: SettingsPatch): Promise<void> {
    const { secret, ngrokAuthtoken, ...rest } = patch;
    // A form sends every field back: one still showing its command-line override is unchanged.
    const overridden = this.overrides as Record<string, unknown>;
    const changes = Object.fromEntries(
      Object.entries(rest).filter(
        ([key, value]) =>
          value !== undefined &&
          !(key in overridden && JSON.stringify(overridden[key]) === JSON.stringify(value)),
      ),
    ) as Partial<Settings>;
    if (Object.keys(changes).length > 0) {
      const next = { ...this.persisted, ...changes };
      await writeAtomically(this.file, JSON.stringify(next, null, 2));
      this.persisted = next;
      for (const key of Object.keys(changes) as (keyof Settings)[]) delete this.overrides[key];
    }
    if (secret !== undefined) {
      const value = secret === '' ? null : secret;
      await this.vault.set('hookSecret', value);
      this.secretValue = value;
    }
    if (ngrokAuthtoken !== undefined) {
      await this.vault.set('ngrokAuthtoken', ngrokAuthtoken);
      this.token = ngrokAuthtoken === null ? null : { value: ngrokAuthtoken, source: 'saved' };
    }
  }
}

async function readSettings(file: string, logger: Logger): Promise<Settings> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const parsed = storedSettingsSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    logger.warn('settings file is invalid; using defaults', { file });
    return { ...DEFAULT_SETTINGS };
  }
  const stored = Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  ) as Partial<Settings>;
  return { ...DEFAULT_SETTINGS, ...stored };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
