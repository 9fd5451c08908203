import { Duplex } from 'node:stream';

export type PacketGuardReject = { reason: 'packet_too_large'; remainingLength: number } | { reason: 'malformed_length' };

/**
 * Sits between a network stream and aedes, which (in 1.x) buffers a PUBLISH
 * of any size before looking at it. The guard follows the MQTT framing: it
 * reads each fixed header's remaining length (a 1-4 byte varint) and skips
 * the body without copying; a packet whose remaining length exceeds
 * `maxPacketBytes` (or a malformed length) destroys the connection at once,
 * so at most one network chunk of the packet is ever held. Reading is
 * back-pressured: the inner stream pauses while aedes is not reading.
 */
export class MqttPacketSizeGuard extends Duplex {
  private state: 'header' | 'length' | 'body' = 'header';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private bodyLeft = 0;

  constructor(
    readonly inner: Duplex,
    private readonly maxPacketBytes: number,
    private readonly onReject: (reject: PacketGuardReject) => void,
  ) {
    super({ allowHalfOpen: false });
    inner.on('data', (chunk: Buffer) => {
      if (this.destroyed) return;
      const reject = this.inspect(chunk);
      if (reject) {
        this.onReject(reject);
        this.destroy();
        return;
      }
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
  }

  /** Advances the framing state over `chunk`; returns a reject if the connection must close. */
  private inspect(chunk: Buffer): PacketGuardReject | null {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.state === 'body') {
        const step = Math.min(this.bodyLeft, chunk.length - pos);
        this.bodyLeft -= step;
        pos += step;
        if (this.bodyLeft === 0) this.state = 'header';
        continue;
      }
      const byte = chunk[pos++]!;
      if (this.state === 'header') {
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes += 1;
      if (this.length > this.maxPacketBytes) return { reason: 'packet_too_large', remainingLength: this.length };
      if (byte & 0x80) {
        if (this.lengthBytes === 4) return { reason: 'malformed_length' };
        continue;
      }
      this.bodyLeft = this.length;
      this.state = this.length === 0 ? 'header' : 'body';
    }
    return null;
  }

  override _read(): void {
    this.inner.resume();
  }

  // Completes at once unless the network stream is full: waiting for each
  // write's flush would serialise aedes' many small writes per packet on
  // event-loop turns.
  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.inner.write(chunk, encoding)) callback();
    else this.inner.once('drain', () => callback());
  }

  override _writev(chunks: { chunk: Buffer; encoding: BufferEncoding }[], callback: (error?: Error | null) => void): void {
    const data = chunks.length === 1 ? chunks[0]!.chunk : Buffer.concat(chunks.map((c) => c.chunk));
    this._write(data, chunks[0]!.encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.inner.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner.destroy();
    callback(error);
  }
}
