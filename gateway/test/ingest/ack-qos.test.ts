import { afterEach, describe, expect, it } from 'vitest';
import type { IPublishPacket } from 'mqtt';
import { DOWN_QOS, downTopic } from '@parley/proto';
import { startHarness, type Harness } from './support/harness.js';
import { TestBadge, chunkMessage, newSessionId } from './support/badge-client.js';

describe('down-message QoS (proto DOWN_QOS)', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('ChunkAck arrives at QoS 0 although the badge subscribed at QoS 1; HelloReply at QoS 1', async () => {
    h = await startHarness({ config: { fsyncIntervalMs: 5 } });
    const b = await TestBadge.connect(h.port, 'badge-qos');
    const qos = new Map<string, number>();
    b.client.on('packetreceive', (p) => {
      if (p.cmd === 'publish') qos.set((p as IPublishPacket).topic, (p as IPublishPacket).qos);
    });
    await b.send('hello', { deviceId: 'badge-qos', backlog: [] });
    await b.waitFor('hello-reply');
    const sid = newSessionId();
    await b.send('chunk', chunkMessage(sid, 0, 0, [new Uint8Array([0xf8, 0xff, 0xfe])]));
    await b.waitFor('ack', (a) => a.contiguousThrough === 0);
    expect(DOWN_QOS.ack).toBe(0);
    expect(qos.get(downTopic('badge-qos', 'ack'))).toBe(0);
    expect(qos.get(downTopic('badge-qos', 'hello-reply'))).toBe(DOWN_QOS['hello-reply']);
    expect(DOWN_QOS['hello-reply']).toBe(1);
    await b.client.endAsync();
  });
});
