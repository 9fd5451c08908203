import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/errors.js';
import type { DeviceStore, NewDevice } from '../../src/registry/device-store.js';

/**
 * What every DeviceStore must do. Run it against each implementation
 * (SQLite now; PostgreSQL later) with a factory giving an empty store.
 */
export function describeDeviceStoreContract(name: string, open: () => Promise<{ store: DeviceStore; close(): Promise<void> | void }>): void {
  const device = (id: string, over: Partial<NewDevice> = {}): NewDevice => ({
    id,
    serial: `SN-${id}`,
    hardwareRevision: 'r1',
    secretHash: 'scrypt$1024$8$1$c2FsdA==$a2V5',
    atMs: 1_000,
    ...over,
  });

  const withStore = (fn: (store: DeviceStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await fn(store);
    } finally {
      await close();
    }
  };

  describe(`DeviceStore contract: ${name}`, () => {
    it(
      'creates devices as provisioned and reads them back',
      withStore(async (store) => {
        const created = await store.create(device('badge-1', { firmwareVersion: '1.2.3' }));
        expect(created).toEqual({
          id: 'badge-1',
          serial: 'SN-badge-1',
          hardwareRevision: 'r1',
          firmwareVersion: '1.2.3',
          status: 'provisioned',
          secretHash: 'scrypt$1024$8$1$c2FsdA==$a2V5',
          createdAtMs: 1_000,
          updatedAtMs: 1_000,
          lastSeenAtMs: null,
        });
        expect(await store.get('badge-1')).toEqual(created);
        expect(await store.get('badge-2')).toBeNull();
      }),
    );

    it(
      'refuses a duplicate id or serial with CONFLICT',
      withStore(async (store) => {
        await store.create(device('badge-1'));
        for (const dup of [device('badge-1', { serial: 'other' }), device('badge-2', { serial: 'SN-badge-1' })]) {
          await expect(store.create(dup)).rejects.toSatisfy((err: unknown) => isParleyError(err, 'CONFLICT'));
        }
      }),
    );

    it(
      'lists by id with status filter and keyset paging',
      withStore(async (store) => {
        for (const id of ['badge-c', 'badge-a', 'badge-b', 'badge-d']) await store.create(device(id));
        await store.setStatus('badge-b', 'revoked', 2_000);
        expect((await store.list()).map((d) => d.id)).toEqual(['badge-a', 'badge-b', 'badge-c', 'badge-d']);
        expect((await store.list({ limit: 2 })).map((d) => d.id)).toEqual(['badge-a', 'badge-b']);
        expect((await store.list({ afterId: 'badge-b', limit: 2 })).map((d) => d.id)).toEqual(['badge-c', 'badge-d']);
        expect((await store.list({ status: 'revoked' })).map((d) => d.id)).toEqual(['badge-b']);
        expect((await store.list({ status: 'provisioned', afterId: 'badge-a' })).map((d) => d.id)).toEqual(['badge-c', 'badge-d']);
      }),
    );

    it(
      'changes status and secret, and reports unknown devices',
      withStore(async (store) => {
        await store.create(device('badge-1'));
        expect(await store.setStatus('badge-1', 'locked', 2_000)).toMatchObject({ status: 'locked', updatedAtMs: 2_000 });
        expect(await store.setSecretHash('badge-1', 'scrypt$1024$8$1$bmV3$bmV3', 3_000)).toMatchObject({ secretHash: 'scrypt$1024$8$1$bmV3$bmV3', updatedAtMs: 3_000 });
        await expect(store.setStatus('badge-9', 'revoked', 1)).rejects.toSatisfy((err: unknown) => isParleyError(err, 'DEVICE_UNKNOWN'));
        await expect(store.setSecretHash('badge-9', 'x', 1)).rejects.toSatisfy((err: unknown) => isParleyError(err, 'DEVICE_UNKNOWN'));
      }),
    );

    it(
      'marks devices seen: activates on first connection, never moves last seen backwards, leaves other statuses alone',
      withStore(async (store) => {
        await store.create(device('badge-1'));
        const before = await store.markSeen('badge-1', 5_000);
        expect(before?.status).toBe('provisioned');
        expect(await store.get('badge-1')).toMatchObject({ status: 'active', lastSeenAtMs: 5_000, updatedAtMs: 5_000 });
        expect((await store.markSeen('badge-1', 4_000))?.status).toBe('active');
        expect((await store.get('badge-1'))?.lastSeenAtMs).toBe(5_000);
        await store.setStatus('badge-1', 'locked', 6_000);
        await store.markSeen('badge-1', 7_000);
        expect(await store.get('badge-1')).toMatchObject({ status: 'locked', lastSeenAtMs: 7_000 });
        expect(await store.markSeen('badge-9', 1)).toBeNull();
      }),
    );
  });
}
