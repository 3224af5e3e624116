import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inlineSettingsSchema } from '../../../shared/contract/inline-commands';
import type { InlineRequestType, InlineSettings, InlineTypeSettings } from '../../../shared/model/inline';
import { INLINE_TYPES } from '../../../shared/okta/inline/catalog';
import { DEFAULT_TEMPLATES } from '../../../shared/okta/inline/default-templates';
import type { Logger } from '../deps';
import { writeAtomically } from '../settings/atomic-file';

const FILE = 'inline-hooks.json';

export const DEFAULT_INLINE_BASE_PATH = '/okta/inline';

const defaultType = (type: InlineRequestType): InlineTypeSettings => ({
  mode: 'template',
  template: DEFAULT_TEMPLATES[type],
  forwardUrl: null,
});

export const defaultInlineSettings = (): InlineSettings => ({
  basePath: DEFAULT_INLINE_BASE_PATH,
  types: Object.fromEntries(
    INLINE_TYPES.map(({ type }) => [type, defaultType(type)]),
  ) as InlineSettings['types'],
});

export type InlineTypePatch = { [K in keyof InlineTypeSettings]?: InlineTypeSettings[K] | undefined };

export interface InlineChange {
  basePath?: string | undefined;
  types?: Partial<Record<InlineRequestType, InlineTypePatch>> | undefined;
  reset?: InlineRequestType[] | undefined;
}

/** Inline hook settings in `inline-hooks.json`: nothing secret (the hook secret stays in the vault). */
export class InlinePrefs {
  private constructor(
    private readonly file: string,
    private settings: InlineSettings,
  ) {}

  static async open(dataDir: string, logger: Logger): Promise<InlinePrefs> {
    const file = path.join(dataDir, FILE);
    return new InlinePrefs(file, await readSettings(file, logger));
  }

  current(): InlineSettings {
    return this.settings;
  }

  async update(change: InlineChange): Promise<void> {
    const types = { ...this.settings.types };
    for (const [type, patch] of Object.entries(change.types ?? {}) as [
      InlineRequestType,
      InlineTypePatch,
    ][]) {
      types[type] = { ...types[type], ...definedOnly(patch) };
    }
    for (const type of change.reset ?? [])
      types[type] = { ...types[type], template: DEFAULT_TEMPLATES[type] };
    const next: InlineSettings = { basePath: change.basePath ?? this.settings.basePath, types };
    await writeAtomically(this.file, JSON.stringify(next, null, 2));
    this.settings = next;
  }
}

const definedOnly = (patch: InlineTypePatch): Partial<InlineTypeSettings> =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

/** A missing or damaged file gives the defaults; types added later get theirs. */
async function readSettings(file: string, logger: Logger): Promise<InlineSettings> {
  const defaults = defaultInlineSettings();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return defaults;
  }
  let parsed: ReturnType<typeof inlineSettingsSchema.safeParse>;
  try {
    parsed = inlineSettingsSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = inlineSettingsSchema.safeParse(undefined);
  }
  if (!parsed.success) {
    logger.warn('inline hook settings are invalid; using defaults', { file });
    return defaults;
  }
  return { basePath: parsed.data.basePath, types: { ...defaults.types, ...parsed.data.types } };
}
