/**
 * Reads the client id and username from the first packet a client sends, if
 * it is an MQTT CONNECT (3.1.1 or 5.0), so the fault proxy can target one
 * badge's connection by its device id. Only looks; never alters the bytes.
 */

export interface MqttIdentity {
  clientId: string;
  username?: string;
}

export type SniffResult = { done: true; identity: MqttIdentity | undefined } | { done: false };

/** Give up on identification after this many bytes. */
export const SNIFF_LIMIT = 4096;

export function sniffMqttConnect(bytes: Buffer): SniffResult {
  if (bytes.length === 0) return { done: false };
  if ((bytes[0]! >> 4) !== 1) return { done: true, identity: undefined };
  // Remaining length: up to 4 bytes of 7-bit groups.
  let remaining = 0;
  let mult = 1;
  let at = 1;
  for (;;) {
    if (at >= bytes.length) return bytes.length >= SNIFF_LIMIT ? { done: true, identity: undefined } : { done: false };
    const b = bytes[at++]!;
    remaining += (b & 0x7f) * mult;
    if ((b & 0x80) === 0) break;
    mult *= 128;
    if (at > 4) return { done: true, identity: undefined };
  }
  const end = at + remaining;
  if (bytes.length < end) return remaining > SNIFF_LIMIT || bytes.length >= SNIFF_LIMIT ? { done: true, identity: undefined } : { done: false };
  const pkt = bytes.subarray(at, end);
  try {
    let p = 0;
    const str = (): string => {
      const n = pkt.readUInt16BE(p);
      if (p + 2 + n > pkt.length) throw new RangeError('string runs past the packet');
      const s = pkt.subarray(p + 2, p + 2 + n).toString('utf8');
      p += 2 + n;
      return s;
    };
    const skipBinary = () => {
      const n = pkt.readUInt16BE(p);
      p += 2 + n;
    };
    const protocol = str();
    if (protocol !== 'MQTT' && protocol !== 'MQIsdp') return { done: true, identity: undefined };
    const level = pkt.readUInt8(p);
    const flags = pkt.readUInt8(p + 1);
    p += 4; // level, flags, keep-alive
    if (level === 5) p += skipVarLengthProperties(pkt, p);
    const clientId = str();
    if (flags & 0x04) {
      if (level === 5) p += skipVarLengthProperties(pkt, p);
      str(); // will topic
      skipBinary(); // will payload
    }
    const identity: MqttIdentity = { clientId };
    if (flags & 0x80) identity.username = str();
    return { done: true, identity };
  } catch {
    return { done: true, identity: undefined };
  }
}

/** MQTT 5 properties: a variable-byte length, then that many bytes. Returns bytes consumed. */
function skipVarLengthProperties(pkt: Buffer, at: number): number {
  let len = 0;
  let mult = 1;
  let i = at;
  for (;;) {
    const b = pkt.readUInt8(i++);
    len += (b & 0x7f) * mult;
    if ((b & 0x80) === 0) break;
    mult *= 128;
  }
  return i - at + len;
}
