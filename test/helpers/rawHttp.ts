import { connect, type Socket } from 'node:net';

/** What came back on a raw connection: the bytes as text, and how the server ended it. */
export interface RawExchange {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves once the server has sent a whole response head (`\r\n\r\n`). */
  head: Promise<string>;
  /** Resolves when the connection is gone, however it ended (FIN, reset, error). */
  closed: Promise<void>;
  isClosed(): boolean;
}

/**
 * Opens a TCP connection to `port` on loopback and writes `text` as is: for requests `fetch` will not
 * send (a broken Host, TRACE) and bodies that never end.
 */
export function rawRequest(port: number, text: string): RawExchange {
  const socket = connect(port, '127.0.0.1');
  let data = '';
  let closed = false;
  let onHead: (head: string) => void = () => {};
  const head = new Promise<string>((resolve) => (onHead = resolve));
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    data += chunk;
    const end = data.indexOf('\r\n\r\n');
    if (end !== -1) onHead(data.slice(0, end));
  });
  socket.on('error', () => {}); // a reset is one of the ways a server may end it
  const closedPromise = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  socket.write(text);
  return { socket, received: () => data, head, closed: closedPromise, isClosed: () => closed };
}

/** The JSON body of the first response in `text`, framed by Content-Length or chunked; throws until it is all there. */
export function responseBody(text: string): unknown {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd === -1) throw new Error('no response head yet');
  const head = text.slice(0, headEnd);
  let rest = text.slice(headEnd + 4);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  if (length !== undefined) return JSON.parse(rest.slice(0, Number(length)));
  let body = '';
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = lineEnd === -1 ? NaN : parseInt(rest.slice(0, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error('incomplete chunked body');
    if (size === 0) return JSON.parse(body);
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 4 + size);
  }
}

/** Keeps writing `chunk` while the socket takes it, until it closes or `limitBytes` went out; returns the bytes written. */
export async function keepSending(exchange: RawExchange, chunk: string, limitBytes: number): Promise<number> {
  const { socket } = exchange;
  let written = 0;
  while (!exchange.isClosed() && written < limitBytes) {
    written += chunk.length;
    if (!socket.write(chunk)) {
      await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), exchange.closed]);
    }
  }
  return written;
}
