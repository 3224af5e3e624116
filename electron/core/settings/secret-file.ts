import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { SecretName } from '../../../shared/model/settings';
import type { PassphraseParams, SecretScheme } from './secret-cipher';

const SECRET_NAMES = [
  'hookSecret',
  'ngrokAuthtoken',
  'oktaApiToken',
  'oktaPrivateKey',
  'captureKey',
  'apiToken',
] as const;
const nameSchema = z.enum(SECRET_NAMES);
const schemeSchema = z.enum(['clear', 'safeStorage', 'passphrase']);

const paramsSchema = z.object({
  salt: z.string(),
  cost: z.number().int().positive(),
  blockSize: z.number().int().positive(),
  parallelization: z.number().int().positive(),
  check: z.string(),
});

/** A value that could not be read when it was replaced: kept, with why, never deleted. */
const asideSchema = z.object({
  name: nameSchema,
  scheme: schemeSchema,
  value: z.string(),
  reason: z.string(),
  at: z.string(),
});

const documentSchema = z.object({
  format: z.literal(2),
  scheme: schemeSchema,
  params: paramsSchema.optional(),
  entries: z.partialRecord(nameSchema, z.string()),
  aside: z.array(asideSchema),
});

/** Before format 2 a secrets file was a flat object of name → encoded value. */
const flatSchema = z.partialRecord(nameSchema, z.string());

export type AsideEntry = z.infer<typeof asideSchema>;

export interface SecretDocument {
  format: 2;
  scheme: SecretScheme;
  params?: PassphraseParams | undefined;
  entries: Partial<Record<SecretName, string>>;
  aside: AsideEntry[];
}

export type SecretFileRead =
  | { state: 'missing' }
  | { state: 'ok'; document: SecretDocument }
  /** Present, but not a secrets file (torn by hand, another program's): kept as it is. */
  | { state: 'damaged'; reason: string }
  /** Present, but the system refused to read it (permissions, I/O error). */
  | { state: 'unreadable'; reason: string };

export const emptyDocument = (scheme: SecretScheme): SecretDocument => ({
  format: 2,
  scheme,
  entries: {},
  aside: [],
});

/** Read a secrets file; `flatScheme` is what a format-1 file of this name was encoded with. */
export async function readSecretFile(file: string, flatScheme: SecretScheme): Promise<SecretFileRead> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: `could not be read (${code ?? String(error)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'damaged', reason: 'is not valid JSON' };
  }
  const current = documentSchema.safeParse(json);
  if (current.success) return { state: 'ok', document: current.data };
  const flat = flatSchema.safeParse(json);
  if (flat.success) return { state: 'ok', document: { ...emptyDocument(flatScheme), entries: flat.data } };
  return { state: 'damaged', reason: 'does not hold secrets in a form this version knows' };
}
