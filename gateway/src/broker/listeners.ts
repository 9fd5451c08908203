import { readFileSync } from 'node:fs';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/schema.js';
import { ParleyError } from '../errors.js';
import type { MqttBroker } from './broker.js';

export const MQTT_WEBSOCKET_PATH = '/mqtt';
/** Largest MQTT fixed header: 1 type byte + 4 length bytes. */
const FIXED_HEADER_MAX = 5;

export interface MqttAddresses {
  mqtt: number;
  mqtts: number | null;
}

/**
 * The broker's network listeners: TCP, TLS (only when a certificate and key
 * are configured) and MQTT over WebSocket on the HTTP server at /mqtt.
 * Created without listening; `listen` binds, `close` stops accepting and
 * drops connections that never finished CONNECT.
 */
export class MqttListeners {
  private readonly tcp: NetServer;
  private readonly tls: TlsServer | null;
  private readonly ws: WebSocketServer | null;
  private readonly sockets = new Set<Socket | Duplex>();
  private readonly onUpgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;

  constructor(
    private readonly broker: MqttBroker,
    private readonly config: GatewayConfig,
    private readonly httpServer: HttpServer,
    private readonly logger: Logger,
  ) {
    this.tcp = createTcpServer((socket) => this.accept(socket, 'tcp'));
    this.tls = this.createTls();
    if (config.mqtt.websocket) {
      const wss = new WebSocketServer({
        noServer: true,
        maxPayload: config.mqtt.maxPacketBytes + FIXED_HEADER_MAX,
        handleProtocols: (protocols) => (protocols.has('mqtt') ? 'mqtt' : protocols.has('mqttv3.1') ? 'mqttv3.1' : false),
      });
      this.ws = wss;
      this.onUpgrade = (req, socket, head) => {
        const path = (req.url ?? '').split('?')[0];
        if (path !== MQTT_WEBSOCKET_PATH) {
          socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
          return;
        }
        wss.handleUpgrade(req, socket, head, (websocket) => {
          websocket.on('error', (err) => {
            // ws closes the socket itself (e.g. 1009 for a message over maxPayload).
            this.logger.warn({ source: req.socket.remoteAddress, err: err.message }, 'MQTT WebSocket error; connection closed');
          });
          const stream = createWebSocketStream(websocket);
          this.track(stream);
          this.broker.handle(stream, { source: this.webSocketSource(req), transport: 'ws' });
        });
      };
      httpServer.on('upgrade', this.onUpgrade);
    } else {
      this.ws = null;
    }
  }

  /**
   * The client address of a WebSocket connection: the socket's peer, or,
   * with `http.trustProxy`, the proxy's X-Forwarded-For client (its first
   * entry), so lockouts and connection caps apply per client, not per proxy.
   */
  private webSocketSource(req: IncomingMessage): string {
    const peer = req.socket.remoteAddress ?? 'unknown';
    if (!this.config.http.trustProxy) return peer;
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    return first && first.length <= 64 ? first : peer;
  }

  private createTls(): TlsServer | null {
    const { certFile, keyFile } = this.config.mqtt.tls;
    if (!certFile || !keyFile) return null;
    let cert: Buffer;
    let key: Buffer;
    try {
      cert = readFileSync(certFile);
      key = readFileSync(keyFile);
    } catch (err) {
      throw new ParleyError('CONFIG_INVALID', `mqtt.tls: cannot read ${(err as NodeJS.ErrnoException).path ?? 'certificate'}`, undefined, { cause: err });
    }
    const server = createTlsServer({ cert, key, minVersion: 'TLSv1.2' }, (socket) => this.accept(socket, 'tls'));
    server.on('tlsClientError', (err, socket) => {
      this.logger.debug({ err: err.message, source: socket.remoteAddress }, 'TLS handshake failed');
    });
    return server;
  }

  private accept(socket: Socket, transport: 'tcp' | 'tls'): void {
    socket.setNoDelay(true);
    this.track(socket);
    this.broker.handle(socket, { source: socket.remoteAddress ?? 'unknown', transport });
  }

  private track(stream: Socket | Duplex): void {
    this.sockets.add(stream);
    stream.once('close', () => this.sockets.delete(stream));
  }

  async listen(host: string): Promise<MqttAddresses> {
    const bind = (server: NetServer, port: number) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port, host }, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    const mqtt = await bind(this.tcp, this.config.mqtt.port);
    const mqtts = this.tls ? await bind(this.tls, this.config.mqtt.tlsPort) : null;
    return { mqtt, mqtts };
  }

  /** Stops accepting connections; existing ones stay up. */
  stopAccepting(): void {
    if (this.onUpgrade) this.httpServer.off('upgrade', this.onUpgrade);
    for (const server of [this.tcp, this.tls]) if (server?.listening) server.close();
  }

  /** Stops accepting and drops every connection still open; resolves when the servers are closed. */
  async close(): Promise<void> {
    const closed = (server: NetServer | null) =>
      new Promise<void>((resolve) => {
        if (!server || !server.listening) return resolve();
        server.close(() => resolve());
      });
    const stopped = Promise.all([closed(this.tcp), closed(this.tls)]);
    this.stopAccepting();
    for (const stream of this.sockets) stream.destroy();
    if (this.ws) for (const client of this.ws.clients) client.terminate();
    await stopped;
    if (this.ws) await new Promise<void>((resolve) => this.ws!.close(() => resolve()));
  }
}
