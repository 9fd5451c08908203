/** Hand-built MQTT 3.1.1 packets for tests that must control every byte. */

export function encodeRemainingLength(length: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

function utf8Field(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const out = Buffer.alloc(2 + body.length);
  out.writeUInt16BE(body.length, 0);
  body.copy(out, 2);
  return out;
}

export function connectPacket(clientId: string, username: string, password: string): Buffer {
  const variable = Buffer.from([0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0xc2, 0x00, 0x3c]);
  const payload = Buffer.concat([utf8Field(clientId), utf8Field(username), utf8Field(password)]);
  const rest = Buffer.concat([variable, payload]);
  return Buffer.concat([Buffer.from([0x10]), encodeRemainingLength(rest.length), rest]);
}

/** Fixed header + topic of a QoS 0 PUBLISH whose payload is `payloadLength` bytes (payload not included). */
export function publishHeader(topic: string, payloadLength: number): Buffer {
  const topicField = utf8Field(topic);
  return Buffer.concat([Buffer.from([0x30]), encodeRemainingLength(topicField.length + payloadLength), topicField]);
}

export function publishPacket(topic: string, payload: Buffer): Buffer {
  return Buffer.concat([publishHeader(topic, payload.length), payload]);
}
