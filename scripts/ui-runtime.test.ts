import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runtimeModule } from './ui-runtime';

const RENDERER = path.resolve(import.meta.dirname, '../renderer/src');
const REACT_MODULE = /^react(-dom)?(\/|$)/;

/** `module: name` for every value (not type) the renderer imports from React's modules. */
async function reactValueImports(): Promise<Set<string>> {
  const found = new Set<string>();
  const files = (await readdir(RENDERER, { recursive: true })).filter(
    (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file),
  );
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      await readFile(path.join(RENDERER, file), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!REACT_MODULE.test(specifier) || !clause || clause.isTypeOnly) continue;
      if (clause.name) found.add(`${specifier}: default`);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) found.add(`${specifier}: *`);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements)
          if (!element.isTypeOnly) found.add(`${specifier}: ${(element.propertyName ?? element.name).text}`);
    }
  }
  return found;
}

describe('the UI runtime (React API on preact/compat)', () => {
  it('has every React API the renderer imports', async () => {
    const imports = await reactValueImports();
    expect(imports.size).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const entry of imports) {
      const [specifier, name] = entry.split(': ') as [string, string];
      const runtime = runtimeModule(specifier);
      expect(runtime, `${specifier} is not aliased`).not.toBe(specifier);
      const exports = (await import(runtime)) as Record<string, unknown>;
      if (name === '*' || name === 'default' || exports[name] === undefined)
        missing.push(`${entry} (${runtime})`);
    }
    expect(missing).toEqual([]);
  });

  it('is given spellCheck as the string the attribute takes', async () => {
    // preact/compat sets `spellCheck` as an attribute and drops a `false` one (the DOM's property
    // is `spellcheck`): `spellCheck={false}` would leave the field spell-checked.
    const files = (await readdir(RENDERER, { recursive: true })).filter((file) => file.endsWith('.tsx'));
    const boolean: string[] = [];
    for (const file of files)
      if (/spellCheck=\{/.test(await readFile(path.join(RENDERER, file), 'utf8'))) boolean.push(file);
    expect(boolean).toEqual([]);
  });

  it('has the JSX runtime the compiler emits calls to', async () => {
    const jsx = (await import(runtimeModule('react/jsx-runtime'))) as Record<string, unknown>;
    expect(typeof jsx.jsx).toBe('function');
    expect(typeof jsx.jsxs).toBe('function');
    expect(jsx.Fragment).toBeDefined();
  });
});
