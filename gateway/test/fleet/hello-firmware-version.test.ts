import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';
import { BadgeDouble, hello } from './badge-double.js';
import { until } from '../support/until.js';

describe('the registry takes the firmware version from the badge\'s Hello (real aedes + mqtt.js)', () => {
  let t: TestGateway;
  const api = (url: string) => t.gateway.http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.gateway.adminToken}` } });

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => t.stop());

  it('stores the reported version in the device record (API and CLI view), audits a change, and leaves it alone when it does not change', async () => {
    const { secret } = await t.gateway.devices.provision({ id: 'badge-fwv', serial: 'SN-fwv', hardwareRevision: 'B', firmwareVersion: '0.1.0' }, { actor: 'test' });
    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, 'badge-fwv', secret);
    try {
      await badge!.send('hello', { ...hello('badge-fwv', 0), firmwareVersion: '1.4.0' });
      await badge!.waitFor('hello-reply');
      await until(async () => (await api('/api/v1/devices/badge-fwv')).json().firmwareVersion === '1.4.0');
      expect((await api('/api/v1/devices')).json().devices.find((d: { id: string }) => d.id === 'badge-fwv').firmwareVersion).toBe('1.4.0');

      // Same version again: no new audit entry.
      const since = badge!.received.length;
      await badge!.send('hello', { ...hello('badge-fwv', 0), firmwareVersion: '1.4.0' });
      await badge!.waitFor('hello-reply', () => true, 3_000, since);
      // A rollback reports the older version: the registry follows the badge.
      const since2 = badge!.received.length;
      await badge!.send('hello', { ...hello('badge-fwv', 0), firmwareVersion: '1.3.2' });
      await badge!.waitFor('hello-reply', () => true, 3_000, since2);
      await until(async () => (await api('/api/v1/devices/badge-fwv')).json().firmwareVersion === '1.3.2');

      const audit = (await api('/api/v1/audit?action=device.firmware.reported&target=badge-fwv')).json().entries as { actor: string; details: { from: string | null; to: string } }[];
      expect(audit.map((e) => e.details).sort((a, b) => a.to.localeCompare(b.to))).toEqual([
        { from: '1.4.0', to: '1.3.2' },
        { from: '0.1.0', to: '1.4.0' },
      ]);
      expect(audit.every((e) => e.actor === 'device:badge-fwv')).toBe(true);
    } finally {
      await badge!.close();
    }
  });

  it('ignores a Hello without a version (keeps what it had)', async () => {
    const { secret } = await t.gateway.devices.provision({ id: 'badge-fwv2', serial: 'SN-fwv2', hardwareRevision: 'B', firmwareVersion: '0.1.0' }, { actor: 'test' });
    const { badge } = await BadgeDouble.connect(t.addresses.mqtt, 'badge-fwv2', secret);
    try {
      await badge!.send('hello', { ...hello('badge-fwv2', 0), firmwareVersion: '' });
      await badge!.waitFor('hello-reply');
      await new Promise((r) => setTimeout(r, 100));
      expect((await api('/api/v1/devices/badge-fwv2')).json().firmwareVersion).toBe('0.1.0');
    } finally {
      await badge!.close();
    }
  });
});
