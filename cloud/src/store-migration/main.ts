import { describeError } from '../errors.js';
import { parseStoreMigrateArguments, USAGE } from './arguments.js';
import { migrateSqliteToPostgres } from './copy.js';
import { isStoreMigrationError } from './errors.js';

/**
 * `npm run store-migrate -- --from sqlite:<dataDir>/cloud/cloud.db --to <postgres url>`:
 * copies an existing SQLite conversation store into an empty PostgreSQL
 * database (copy.ts), with progress on stderr and the rows
 * per table on stdout. Stop the main job first. Exit codes: 0 copied and
 * verified, 64 wrong arguments, 65 the source or target cannot be used as
 * they are (nothing copied), 1 anything else (nothing copied).
 */
function main(): void {
  let lastLine = 0;
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${USAGE}\nCopies the SQLite conversation store into an empty PostgreSQL database, in one transaction, row counts verified per table (docs/deployment.md).\n`);
    return;
  }
  try {
    const args = parseStoreMigrateArguments(process.argv.slice(2));
    process.stderr.write(`store-migrate: ${args.sqliteFile} -> PostgreSQL\n`);
    const report = migrateSqliteToPostgres({
      ...args,
      progress: ({ table, copied, total }) => {
        const now = Date.now();
        // one line a second per busy table, and every table's last
        if (copied === total || now - lastLine >= 1000) {
          lastLine = now;
          process.stderr.write(`  ${table}: ${copied}/${total}\n`);
        }
      },
    });
    for (const t of report.tables) process.stdout.write(`${t.table}\t${t.rows}\n`);
    process.stdout.write(`search index\t${report.searchIndexed}\n`);
    process.stderr.write(`store-migrate: done in ${(report.ms / 1000).toFixed(1)} s; row counts verified per table\n`);
  } catch (err) {
    process.stderr.write(`store-migrate: ${isStoreMigrationError(err) ? err.message : describeError(err).message}\n`);
    process.exitCode = isStoreMigrationError(err, 'USAGE') ? 64 : isStoreMigrationError(err) ? 65 : 1;
  }
}

main();
