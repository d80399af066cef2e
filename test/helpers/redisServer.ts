import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/** A Redis for a test file: `url` for clients; `stop()` makes it unreachable, as a crash would. */
export interface RedisServer {
  url: string;
  /** Cuts every connection and refuses new ones (SIGKILL for a local server), then resolves. */
  stop(): Promise<void>;
}

/**
 * Where the suites that need Redis get one: `REDIS_URL` (a `redis://` server that is already running),
 * else a `redis-server` on PATH started per file on a free loopback port; null when neither is there.
 */
export function findRedis(): { kind: 'url'; url: string } | { kind: 'binary' } | null {
  const url = process.env.REDIS_URL;
  if (url) return { kind: 'url', url };
  return spawnSync('redis-server', ['--version']).error ? null : { kind: 'binary' };
}

export const redisMissing =
  'no redis-server on PATH and no REDIS_URL: install Redis (`apt-get install -y redis-server`) or set REDIS_URL=redis://host:port, then `npm test` runs them';

/**
 * Whether to run a suite that needs Redis. Skipped without one, unless REQUIRE_SERVICES=1 (CI sets it):
 * then the missing service fails the file instead.
 */
export function redisAvailable(): boolean {
  if (findRedis() !== null) return true;
  if (process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but Redis is missing: ${redisMissing}.`);
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fresh Redis for the caller: REDIS_URL behind a loopback proxy it can cut, or a local redis-server. */
export async function startRedis(): Promise<RedisServer> {
  const found = findRedis();
  if (found === null) throw new Error(`Redis is missing: ${redisMissing}.`);
  return found.kind === 'url' ? proxyTo(new URL(found.url)) : startRedisServer();
}

/** A loopback TCP proxy to the given Redis, so "Redis went away" can be tested on a shared server. */
async function proxyTo(upstream: URL): Promise<RedisServer> {
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const server = connect(Number(upstream.port || 6379), upstream.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(server).pipe(client);
    client.once('close', () => server.destroy());
    server.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(upstream);
  url.hostname = '127.0.0.1';
  url.port = String((proxy.address() as AddressInfo).port);
  return {
    url: url.href,
    stop: async () => {
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** A real `redis-server` on a free loopback port, no persistence. */
async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
