// Node: the handler through the ./node entry's toNodeListener on node:http.
import { createServer } from 'node:http';
import { toNodeListener } from 'react-stripe-customer-session/node';
import { createApp } from './app.mjs';

const config = JSON.parse(process.env.CONTRACT_CONFIG);
const server = createServer(toNodeListener(createApp(config)));
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
