import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ParleyError, isParleyError } from '../errors.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface HttpServerOptions {
  logger: Logger;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /**
   * close(): idle keep-alive connections are closed at once; connections with a request in flight, or that never
   * finished sending one (a browser's pre-opened connection, a stalled client), are destroyed after this long (ms).
   * Default 2,000.
   */
  closeGraceMs?: number;
}

const DEFAULT_CLOSE_GRACE_MS = 2_000;

/** Body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

/**
 * The gateway's fastify instance: request ids (a sane incoming
 * `x-request-id` or a new UUID, echoed back), pino request logs, and one
 * error format: ParleyError codes, schema failures as BAD_REQUEST, anything
 * else INTERNAL (logged, details hidden).
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger.child({ module: 'http' }) as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    // Unknown fields are an error, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  // Node's server.close() (which fastify's close() waits for) only returns once every connection has ended, and
  // fastify closes just the idle keep-alive ones: a connection that has not sent a complete request yet would keep
  // close() pending until the client goes away. After a grace period for requests in flight, drop what is left.
  const closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
  app.addHook('preClose', async () => {
    if (!app.server.listening) return;
    const timer = setTimeout(() => app.server.closeAllConnections(), closeGraceMs);
    timer.unref();
    app.server.once('close', () => clearTimeout(timer));
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error: FastifyError | ParleyError, request, reply) => {
    let parley: ParleyError;
    if (isParleyError(error)) parley = error;
    else if ((error as FastifyError).validation) parley = new ParleyError('BAD_REQUEST', error.message);
    else if ((error as FastifyError).statusCode === 413) parley = new ParleyError('BAD_REQUEST', 'request body too large');
    else if (typeof (error as FastifyError).statusCode === 'number' && (error as FastifyError).statusCode! < 500) {
      parley = new ParleyError('BAD_REQUEST', error.message);
    } else parley = new ParleyError('INTERNAL', undefined, undefined, { cause: error });
    if (parley.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: parley.code, msg: parley.message }, 'request refused');
    const body: ErrorBody = {
      error: { code: parley.code, message: parley.message, requestId: request.id },
    };
    void reply.status(parley.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}`, requestId: request.id } };
    void reply.status(404).send(body);
  });
  return app;
}
