import { openDatabase } from '../../src/storage/database.js';
import { SqliteDeviceStore } from '../../src/registry/sqlite-device-store.js';
import { describeDeviceStoreContract } from './device-store.contract.js';

describeDeviceStoreContract('SQLite', async () => {
  const db = openDatabase(':memory:');
  return { store: new SqliteDeviceStore(db), close: () => void db.close() };
});
