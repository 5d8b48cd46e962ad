// Imports run app → features → shared (components/ui, lib); a feature never imports another feature.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every import of a file, resolved to a path under src/ ('' for packages). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\()\s*'([^']+)'/g)].map(([, spec = '']) => {
    if (spec.startsWith('@/')) return spec.slice(2);
    if (spec.startsWith('.')) return relative(srcRoot, resolve(file, '..', spec));
    return '';
  });
}

function layerOf(path: string): string {
  const [top, feature] = path.split('/');
  return top === 'features' ? `features/${feature}` : (top ?? '');
}

describe('module boundaries', () => {
  const files = sourceFiles(srcRoot).map((file) => ({ file, from: layerOf(relative(srcRoot, file)) }));

  it('finds the source files', () => {
    expect(files.some(({ from }) => from.startsWith('features/'))).toBe(true);
  });

  it.each(['features/entry', 'features/session', 'features/deck', 'features/scan'])(
    '%s imports only itself and shared code',
    (feature) => {
      const offending = files
        .filter(({ from }) => from === feature)
        .flatMap(({ file }) => importsOf(file).map((target) => ({ file: relative(srcRoot, file), target })))
        .filter(
          ({ target }) => target.startsWith('app') || (target.startsWith('features/') && layerOf(target) !== feature),
        );
      expect(offending).toEqual([]);
    },
  );

  it('shared code (lib, components/ui) imports no feature and no app code', () => {
    const offending = files
      .filter(({ from }) => from === 'lib' || from === 'components')
      .flatMap(({ file }) => importsOf(file).map((target) => ({ file: relative(srcRoot, file), target })))
      .filter(({ target }) => target.startsWith('features/') || target.startsWith('app'));
    expect(offending).toEqual([]);
  });
});
