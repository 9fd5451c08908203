import { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { conversationStoreContract } from './contract.js';

conversationStoreContract('SQLite (in memory)', () => new SqliteConversationStore(':memory:'));
