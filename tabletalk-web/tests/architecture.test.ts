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
  return /^(app\/console|features\/(console[^/]*|account|restaurant|insight|question))(\/|$)/.test(path);
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

// The restaurant console is a separate part of the app: only these folders hold or use its code, and the
// router reaches it through one lazy import() (the bundle check proves the diner's chunks stay free of it).
describe('console boundaries', () => {
  const root = resolve(import.meta.dirname, '../src');
  const consoleFolders = [
    'app/console/',
    'features/account/',
    'features/restaurant/',
    'features/insight/',
    'features/question/',
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
    const offending = consoleImports((path) =>
      ['features/account/', 'features/restaurant/', 'features/insight/', 'features/question/'].some((folder) =>
        path.startsWith(folder),
      ),
    ).filter(({ from, target }) => {
      const feature = from.split('/').slice(0, 2).join('/');
      return target.startsWith('app/') || (target.startsWith('features/') && !target.startsWith(`${feature}/`));
    });
    expect(offending).toEqual([]);
  });

  it('libraries only the console needs (the chart) are imported by console code alone', () => {
    const consoleOnlyPackages = ['uplot'];
    const offending = files
      .filter(({ path }) => !inConsole(path))
      .flatMap(({ file, path }) =>
        [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s+|import\s*\()\s*'([^']+)'/g)]
          .map(([, spec = '']) => spec)
          .filter((spec) => consoleOnlyPackages.some((name) => spec === name || spec.startsWith(`${name}/`)))
          .map((spec) => `${path}: ${spec}`),
      );
    expect(offending).toEqual([]);
  });

  it('shared console code imports no feature and no app code', () => {
    const offending = consoleImports(
      (path) => path.startsWith('lib/console/') || path.startsWith('components/console/'),
    ).filter(({ target }) => target.startsWith('app/') || target.startsWith('features/'));
    expect(offending).toEqual([]);
  });
});
