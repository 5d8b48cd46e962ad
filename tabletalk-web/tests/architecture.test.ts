// Imports run app → features → shared (components/ui, lib); a feature never imports another feature,
// hooks stay small, and the restaurant console stays out of the diner's code.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = resolve(import.meta.dirname, '../src');

/** A hook file holds one hook; past this it is doing several jobs. */
const maxHookLines = 120;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface Import {
  /** The importing file, relative to src/. */
  file: string;
  /** The imported path relative to src/ ('' for packages). */
  target: string;
  /** `import('…')`, loaded on demand rather than with the importing module. */
  dynamic: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s+|(import)\s*\()\s*'([^']+)'/g)].map(([, dynamic, spec = '']) => {
    const target = spec.startsWith('@/')
      ? spec.slice(2)
      : spec.startsWith('.')
        ? relative(srcRoot, resolve(file, '..', spec))
        : '';
    return { file: relative(srcRoot, file), target, dynamic: dynamic !== undefined };
  });
}

/** `app`, `features/<name>`, `components`, `lib`, … for a path relative to src/. */
function layerOf(path: string): string {
  const [top, feature] = path.split('/');
  return top === 'features' ? `features/${feature}` : (top ?? '');
}

const isShared = (layer: string) => layer === 'lib' || layer === 'components';

/** The restaurant console: its route tree and its own feature folders. */
function isConsole(path: string): boolean {
  return /^(app\/console|features\/(console[^/]*|account|restaurant))(\/|$)/.test(path);
}

describe('module boundaries', () => {
  const files = sourceFiles(srcRoot);
  const imports = files.flatMap(importsOf).filter(({ target }) => target !== '');
  const features = [...new Set(files.map((file) => layerOf(relative(srcRoot, file))))].filter((layer) =>
    layer.startsWith('features/'),
  );

  it('finds the source files, their imports and the features', () => {
    expect(features).toEqual(expect.arrayContaining(['features/entry', 'features/session']));
    expect(imports.some(({ target }) => target.startsWith('lib/'))).toBe(true);
  });

  it('a feature imports only itself and shared code, never the app or another feature', () => {
    const offending = imports.filter(({ file, target }) => {
      const from = layerOf(file);
      const to = layerOf(target);
      return from.startsWith('features/') && to !== from && !isShared(to);
    });
    expect(offending).toEqual([]);
  });

  it('shared code (lib, components/ui) imports no feature and no app code', () => {
    const offending = imports.filter(
      ({ file, target }) => isShared(layerOf(file)) && (layerOf(target) === 'app' || target.startsWith('features/')),
    );
    expect(offending).toEqual([]);
  });

  it('nothing outside the console imports console code, except the router loading it on demand', () => {
    const offending = imports.filter(
      ({ file, target, dynamic }) => isConsole(target) && !isConsole(file) && !(dynamic && layerOf(file) === 'app'),
    );
    expect(offending).toEqual([]);
  });

  it(`no hook file is over ${maxHookLines} lines`, () => {
    const hooks = files.filter((file) => /^use[A-Z]\w*\.tsx?$/.test(basename(file)));
    expect(hooks.length).toBeGreaterThan(0);
    const tooLong = hooks
      .map((file) => ({ file: relative(srcRoot, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > maxHookLines);
    expect(tooLong).toEqual([]);
  });
});
