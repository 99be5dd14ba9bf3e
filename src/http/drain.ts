/**
 * Graceful drain on SIGTERM: stop accepting connections, answer every request already received
 * with `Connection: close`, close keep-alive connections as they fall idle, and give up on what
 * is left after the grace period.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';

/** How long after stopping to accept before idle connections are closed: lets the event loop
 * read requests that had fully arrived before the signal (they would look idle until read). */
const FIRST_IDLE_CLOSE_MS = 200;
/** How often idle keep-alive connections are looked for while draining. */
const IDLE_CLOSE_EVERY_MS = 100;

export interface Drain {
  /** Drains; resolves with the connections that had to be cut when the grace period ran out. */
  drain(graceSeconds: number): Promise<number>;
}

/** Tracks the server's connections and marks every response sent while draining. */
export function installDrain(app: FastifyInstance): Drain {
  let draining = false;
  const sockets = new Set<net.Socket>();
  app.server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  return {
    drain(graceSeconds) {
      draining = true;
      // net.Server's close, not http.Server's: the latter also closes idle connections at once,
      // and a connection whose request is still unread in its socket looks idle.
      if (app.server.listening) net.Server.prototype.close.call(app.server);
      return new Promise((resolve) => {
        let idleTimer: NodeJS.Timeout | undefined;
        const finish = () => {
          clearInterval(idleTimer);
          clearInterval(watch);
          clearTimeout(deadline);
          const cut = sockets.size;
          for (const socket of sockets) socket.destroy();
          resolve(cut);
        };
        const first = setTimeout(() => {
          app.server.closeIdleConnections();
          idleTimer = setInterval(() => app.server.closeIdleConnections(), IDLE_CLOSE_EVERY_MS);
        }, FIRST_IDLE_CLOSE_MS);
        const watch = setInterval(() => {
          if (sockets.size === 0) {
            clearTimeout(first);
            finish();
          }
        }, IDLE_CLOSE_EVERY_MS);
        const deadline = setTimeout(() => {
          clearTimeout(first);
          finish();
        }, graceSeconds * 1000);
      });
    },
  };
}
