// Starts the real service (the api module's LocalDev launcher: embedded PostgreSQL in a temp dir,
// the API and the built site on one port) for the end-to-end tests, or uses E2E_BASE_URL as is.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A one-time link for the first admin, from the service's `admin invite` command ('' when unavailable). */
    adminInviteLink: string;
    /** Another admin's one-time link, for tests that need a restaurant of their own ('' when unavailable). */
    spareAdminInviteLink: string;
  }
}

const adminEmail = 'ops@e2e.example';
const spareAdminEmail = 'hosts@e2e.example';

const webRoot = resolve(import.meta.dirname, '..');
const apiRoot = resolve(webRoot, '../tabletalk-api');
const startTimeoutMs = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitForHealth(baseUrl: string, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== null) throw new Error(exit);
    if (await isHealthy(baseUrl)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Makes the first admin as ops would (`java -jar tabletalk-api.jar admin invite --email … config.yml`), against
 * the launcher's own embedded database, and returns the printed link. The command's output is kept in
 * test-results/e2e-admin-invite.log; on failure the link is '' and the console test says where to look.
 */
async function adminInvite(
  classpath: string,
  env: NodeJS.ProcessEnv,
  databaseUrl: string,
  email = adminEmail,
): Promise<string> {
  const logPath = join(
    webRoot,
    `test-results/e2e-admin-invite${email === adminEmail ? '' : `-${email.split('@')[0]}`}.log`,
  );
  const output: string[] = [];
  const code = await new Promise<number | null>((resolveExit) => {
    const child = spawn(
      'java',
      [
        `-Ddw.database.url=${databaseUrl}`,
        '-cp',
        classpath,
        'com.tabletalk.app.TableTalkApplication',
        'admin',
        'invite',
        '--email',
        email,
        join(apiRoot, '../config.yml'),
      ],
      { cwd: apiRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', (error) => {
      output.push(String(error));
      resolveExit(null);
    });
    child.once('exit', resolveExit);
  });
  const text = output.join('');
  writeFileSync(logPath, `exit code ${code}\n${text}`);
  const link = /https?:\/\/[^\s"\\]+\/console\/invite\/[^\s"\\]+/.exec(text)?.[0];
  return code === 0 && link ? link : '';
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL?.replace(/\/+$/, '');
  if (external) {
    await waitForHealth(external, 30_000, () => null);
    project.provide('baseUrl', external);
    // A running service's database is not ours to touch: its operator makes the invite link.
    project.provide('adminInviteLink', process.env.E2E_ADMIN_INVITE_LINK ?? '');
    project.provide('spareAdminInviteLink', process.env.E2E_SPARE_ADMIN_INVITE_LINK ?? '');
    return;
  }

  const dist = join(webRoot, 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('No web build in tabletalk-web/dist: run `npm run build` first.');
  const classpathFile = join(apiRoot, 'target/test-classpath.txt');
  if (!existsSync(classpathFile)) {
    throw new Error(`${classpathFile} is missing: build the api first: mvn -DskipTests package`);
  }
  const classpath = `target/classes:target/test-classes:${readFileSync(classpathFile, 'utf8').trim()}`;

  const [port, adminPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'tabletalk-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    ADMIN_PORT: String(adminPort),
    TABLETALK_DEV_DATA: join(dataDir, 'postgres'),
    TABLETALK_WEB_DIST: dist,
    FRONTEND_URL: baseUrl,
  };
  // Always the run's own embedded database in the temp dir, never a shared one.
  delete env.DATABASE_URL;

  // The service's whole output is kept as a test artifact; the tail is shown if it dies.
  mkdirSync(join(webRoot, 'test-results'), { recursive: true });
  const logPath = join(webRoot, 'test-results/e2e-service.log');
  const log = createWriteStream(logPath);
  const output: string[] = [];
  const child = spawn('java', ['-cp', classpath, 'com.tabletalk.dev.LocalDev'], {
    cwd: apiRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let databasePort: string | undefined;
  const keep = (chunk: Buffer) => {
    databasePort ??= /Embedded PostgreSQL on port (\d+)/.exec(chunk.toString())?.[1];
    log.write(chunk);
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitMessage: string | null = null;
  let started = false;
  let stopping = false;
  child.once('exit', (code, signal) => {
    exitMessage = `The service exited early (${signal ?? `code ${code}`}). Its output:\n${output.join('')}`;
    // Dying during the tests shows up as failed requests; say why here.
    if (started && !stopping) process.stderr.write(`${exitMessage.slice(-4000)}\n(full log: ${logPath})\n`);
  });

  const teardown = async () => {
    stopping = true;
    await stop(child);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, startTimeoutMs, () => exitMessage);
  } catch (error) {
    await teardown();
    if (exitMessage === null && error instanceof Error) error.message += `\nService output:\n${output.join('')}`;
    throw error;
  }

  started = true;
  project.provide('baseUrl', baseUrl);
  // The launcher says where its embedded database listens; the command migrates nothing, only invites.
  const databaseUrl = databasePort ? `jdbc:postgresql://localhost:${databasePort}/tabletalk?user=postgres` : '';
  project.provide('adminInviteLink', databaseUrl ? await adminInvite(classpath, env, databaseUrl) : '');
  project.provide(
    'spareAdminInviteLink',
    databaseUrl ? await adminInvite(classpath, env, databaseUrl, spareAdminEmail) : '',
  );
  return teardown;
}
