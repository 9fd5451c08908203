import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './support/test-gateway.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a mosquitto client to completion (or kills it after `timeoutMs`). */
function run(command: 'mosquitto_pub' | 'mosquitto_sub', args: string[], timeoutMs = 5_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("Debian's mosquitto clients against the broker", () => {
  let t: TestGateway;
  let secret: string;
  let common: string[];

  beforeAll(async () => {
    t = await startTestGateway();
    secret = await t.provision('badge-mq');
    await t.provision('badge-other');
    common = ['-h', '127.0.0.1', '-p', String(t.addresses.mqtt), '-V', 'mqttv311'];
  });
  afterAll(async () => t.stop());

  const device = (password: string) => [...common, '-i', 'badge-mq', '-u', 'badge-mq', '-P', password];

  it('publishes with device credentials', async () => {
    const result = await run('mosquitto_pub', [...device(secret), '-q', '1', '-t', 'badges/badge-mq/up/telemetry', '-m', 'x']);
    expect(result).toMatchObject({ code: 0 });
    const res = await t.gateway.http.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/parley_mqtt_publishes_total{direction="up",kind="telemetry"} 1/);
  });

  it('is refused with a wrong password or an unknown device', async () => {
    const wrong = await run('mosquitto_pub', [...device('wrong-password'), '-t', 'badges/badge-mq/up/telemetry', '-m', 'x']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/bad user name or password/i);
    const unknown = await run('mosquitto_pub', [...common, '-i', 'badge-nobody', '-u', 'badge-nobody', '-P', secret, '-t', 'x', '-m', 'x']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/bad user name or password/i);
  });

  it("gets disconnected publishing to another device's topic", async () => {
    const result = await run('mosquitto_pub', [...device(secret), '-q', '1', '-t', 'badges/badge-other/up/telemetry', '-m', 'x']);
    expect(result.code).not.toBe(0);
  });

  it("has wildcard, other devices' and $SYS subscriptions refused, and its own granted", async () => {
    for (const filter of ['#', 'badges/+/down/#', 'badges/badge-other/down/ack', '$SYS/#', 'badges/badge-mq/#']) {
      // -E: exit once the SUBACK arrives; a refused (0x80) grant is reported as denied.
      const result = await run('mosquitto_sub', [...device(secret), '-E', '-t', filter]);
      expect([filter, result.stdout + result.stderr]).toEqual([filter, expect.stringMatching(/subscription requests were denied/)]);
    }
    const own = await run('mosquitto_sub', [...device(secret), '-E', '-t', 'badges/badge-mq/down/#']);
    expect(own.code).toBe(0);
    expect(own.stdout + own.stderr).not.toMatch(/denied/);
  });

  it('receives its own downlinks with mosquitto_sub', async () => {
    const sub = spawn('mosquitto_sub', [...device(secret), '-C', '1', '-q', '1', '-t', 'badges/badge-mq/down/command', '-F', '%t']);
    let out = '';
    sub.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => sub.on('close', resolve));
    for (let i = 0; i < 50 && !t.gateway.broker.isOnline('badge-mq'); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100));
    t.gateway.broker.aedes.publish(
      { cmd: 'publish', topic: 'badges/badge-mq/down/command', payload: Buffer.from('hi'), qos: 1, retain: false, dup: false },
      () => {},
    );
    const timer = setTimeout(() => sub.kill('SIGKILL'), 5_000);
    expect(await exited).toBe(0);
    clearTimeout(timer);
    expect(out.trim()).toBe('badges/badge-mq/down/command');
  });
});
