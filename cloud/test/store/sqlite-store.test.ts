import { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { conversationStoreContract } from './contract.js';
import { dashboardQueriesContract } from './dashboard-contract.js';

conversationStoreContract('SQLite (in memory)', () => new SqliteConversationStore(':memory:'));
dashboardQueriesContract('SQLite (in memory)', () => new SqliteConversationStore(':memory:'));
