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

// The restaurant console is a separate part of the app: only these folders hold or use its code, and the
// router reaches it through one lazy import() (the bundle check proves the diner's chunks stay free of it).
describe('console boundaries', () => {
  const root = resolve(import.meta.dirname, '../src');
  const consoleFolders = [
    'app/console/',
    'features/account/',
    'features/restaurant/',
    'lib/console/',
    'components/console/',
  ];
  const inConsole = (path: string) => consoleFolders.some((folder) => path.startsWith(folder));

  function filesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  }

  /** A file's imports as paths under src/ (packages left out); `dynamic` marks import(). */
  function importsIn(file: string): { target: string; dynamic: boolean }[] {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:(from\s+|import\s+)|(import\s*\())\s*'([^']+)'/g)].flatMap(
      ([, , dynamicCall, spec = '']) => {
        const target = spec.startsWith('@/')
          ? spec.slice(2)
          : spec.startsWith('.')
            ? relative(root, resolve(file, '..', spec))
            : null;
        return target === null ? [] : [{ target, dynamic: dynamicCall !== undefined }];
      },
    );
  }

  const files = filesUnder(root).map((file) => ({ file, path: relative(root, file) }));
  const consoleImports = (filter: (path: string) => boolean) =>
    files
      .filter(({ path }) => filter(path))
      .flatMap(({ file, path }) => importsIn(file).map((entry) => ({ from: path, ...entry })));

  it('finds the console', () => {
    expect(files.filter(({ path }) => inConsole(path)).length).toBeGreaterThan(5);
  });

  it('nothing outside the console imports console code, except the router’s one lazy import', () => {
    const offending = consoleImports((path) => !inConsole(path)).filter(
      // `${target}/` also catches a folder's own index (import from '@/lib/console').
      ({ from, target, dynamic }) =>
        (inConsole(target) || inConsole(`${target}/`)) && !(dynamic && from === 'app/App.tsx'),
    );
    expect(offending).toEqual([]);
  });

  it('the console features import no other feature and no app code', () => {
    const offending = consoleImports(
      (path) => path.startsWith('features/account/') || path.startsWith('features/restaurant/'),
    ).filter(({ from, target }) => {
      const feature = from.split('/').slice(0, 2).join('/');
      return target.startsWith('app/') || (target.startsWith('features/') && !target.startsWith(`${feature}/`));
    });
    expect(offending).toEqual([]);
  });

  it('shared console code imports no feature and no app code', () => {
    const offending = consoleImports(
      (path) => path.startsWith('lib/console/') || path.startsWith('components/console/'),
    ).filter(({ target }) => target.startsWith('app/') || target.startsWith('features/'));
    expect(offending).toEqual([]);
  });
});
