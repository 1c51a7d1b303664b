import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';

export interface LingeringBodyOptions {
  /** How much of an unread body is read and thrown away before giving up on the connection. */
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Reads and discards what is left of a request body. Answering while the client still uploads (a 413 for a 30 MB
 * body, a 401 before any byte is read) and then closing makes the kernel reset the connection, and the client sees
 * a broken socket instead of the answer. True when the body was read to its end.
 */
function drain(request: IncomingMessage, { maxBytes, timeoutMs }: LingeringBodyOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let received = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(request.complete);
    const timer = setTimeout(() => finish(false), timeoutMs);
    request.on('data', onData).once('end', onEnd).once('close', onClose).once('error', onClose);
    request.resume();
  });
}

const fullyRead = (request: IncomingMessage) => request.complete || request.readableEnded || request.destroyed;

/** Every response waits until the request body has been read (within bounds), so a refusal reaches the client. */
export default fp<LingeringBodyOptions>(async (app, options) => {
  // A callback hook: nearly every request was read in full, and those should not wait a promise tick for nothing.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (fullyRead(request.raw)) return done(null, payload);
    void drain(request.raw, options).then((ended) => {
      if (!ended) reply.header('connection', 'close');
      done(null, payload);
    });
  });
});
