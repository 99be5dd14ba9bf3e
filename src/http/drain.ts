/**
 * Graceful drain on SIGTERM: stop accepting connections, answer every request already received
 * with `Connection: close`, close keep-alive connections as they fall idle, and give up on what
 * is left after the grace period.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';

/** How long after stopping to accept before idle connections are closed: lets the event loop
 * read requests that had fully arrived before the signal (they would look idle until read). */
const FIRST_IDLE_CLOSE_MS = 500;
/** How often idle keep-alive connections are looked for while draining. */
const IDLE_CLOSE_EVERY_MS = 100;
/**
 * After the signal the listener stays open until no connection has come for this long (at most
 * ACCEPT_AT_MOST_MS): a client may have connected and sent its whole request before the signal
 * while its connection still waited in the kernel's accept queue, and closing the listener then
 * resets it unanswered. What comes in meanwhile is answered with `Connection: close`.
 */
const ACCEPT_QUIET_MS = 100;
const ACCEPT_AT_MOST_MS = 1000;

export interface Drain {
  /** Drains; resolves with the connections that had to be cut when the grace period ran out. */
  drain(graceSeconds: number): Promise<number>;
}

/** Tracks the server's connections and marks every response sent while draining. */
export function installDrain(app: FastifyInstance): Drain {
  let draining = false;
  let lastConnectionAt = 0;
  const sockets = new Set<net.Socket>();
  app.server.on('connection', (socket: net.Socket) => {
    lastConnectionAt = Date.now();
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
      const signalledAt = Date.now();
      // net.Server's close, not http.Server's: the latter also closes idle connections at once,
      // and a connection whose request is still unread in its socket looks idle.
      let check: NodeJS.Timeout | undefined;
      const stopAccepting = new Promise<void>((stopped) => {
        check = setInterval(() => {
          const now = Date.now();
          if (now - lastConnectionAt < ACCEPT_QUIET_MS && now - signalledAt < ACCEPT_AT_MOST_MS) {
            return;
          }
          clearInterval(check);
          if (app.server.listening) net.Server.prototype.close.call(app.server);
          stopped();
        }, ACCEPT_QUIET_MS / 2);
      });
      return new Promise((resolve) => {
        let idleTimer: NodeJS.Timeout | undefined;
        const finish = () => {
          clearInterval(check);
          if (app.server.listening) net.Server.prototype.close.call(app.server);
          clearInterval(idleTimer);
          clearInterval(watch);
          clearTimeout(deadline);
          const cut = sockets.size;
          for (const socket of sockets) socket.destroy();
          resolve(cut);
        };
        // Timers run before the loop polls its sockets: closing from a timer could close a
        // connection whose request has arrived but is not read yet (a busy loop). setImmediate
        // runs after that poll, once every request that has arrived has been read and is active.
        const closeIdle = () => setImmediate(() => app.server.closeIdleConnections());
        let first: NodeJS.Timeout | undefined;
        void stopAccepting.then(() => {
          first = setTimeout(() => {
            closeIdle();
            idleTimer = setInterval(closeIdle, IDLE_CLOSE_EVERY_MS);
          }, FIRST_IDLE_CLOSE_MS);
        });
        const watch = setInterval(() => {
          if (sockets.size === 0 && !app.server.listening) {
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
