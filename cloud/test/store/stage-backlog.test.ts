import { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { stageBacklogContract } from './stage-backlog-contract.js';

stageBacklogContract('SQLite (in memory)', () => new SqliteConversationStore(':memory:'));
