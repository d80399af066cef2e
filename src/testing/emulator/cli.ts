// `npm run emulator -- --port 12111 [--host 127.0.0.1] [--rate-limit 25]`: serves the emulator until
// interrupted; `--rate-limit` enforces Stripe's account limit (requests per second; test mode's is 25).
import { parseArgs } from 'node:util';
import { listen } from './listen';
import { seedSavedCards } from '../seedSavedCards';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '12111' }, host: { type: 'string', default: '127.0.0.1' }, 'rate-limit': { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  process.exit(1);
}

const perSecond = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
if (perSecond !== undefined && !(perSecond > 0)) {
  console.error(`--rate-limit must be a positive number of requests per second, got ${values['rate-limit']}`);
  process.exit(1);
}

const server = await listen(perSecond === undefined ? {} : { rateLimit: { perSecond } }, { port, host: values.host });
const customer = server.emulator.createCustomer({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com' });
seedSavedCards(server.emulator, customer.id, ['always', 'limited', 'always']);

process.stdout.write(
  [
    `Stripe emulator listening on ${server.url}${perSecond === undefined ? '' : `, at most ${perSecond} requests a second (Stripe's 429 beyond)`}`,
    `Demo customer: ${customer.id} (3 saved cards: GET /v1/customers/${customer.id}/payment_methods)`,
    '',
    'Point the official SDK at it:',
    `  new Stripe('sk_test_emulator', { host: '${server.host}', port: ${server.port}, protocol: 'http' })`,
    '',
    'Or try it:',
    `  curl ${server.url}/v1/customer_sessions -u sk_test_emulator: -d customer=${customer.id} -d "components[pricing_table][enabled]"=true`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
