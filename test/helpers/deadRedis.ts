import { Redis } from 'ioredis';

const clients: Redis[] = [];

/**
 * An ioredis client for a Redis that is down: nothing listens on port 1, and with the offline queue off
 * every command fails at once ("Stream isn't writeable"), as a store-backed limiter sees an outage.
 */
export function deadRedisClient(): Redis {
  const client = new Redis({ port: 1, host: '127.0.0.1', lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {}); // the outage is the point
  clients.push(client);
  return client;
}

/** Disconnects every client `deadRedisClient` made. */
export function disconnectDeadRedisClients(): void {
  for (const client of clients.splice(0)) client.disconnect();
}
