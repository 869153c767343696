// npm run db:migrate | db:status | db:dev -- <name>
// Prisma's migrate commands, driven by the WebAssembly schema engine.
import { env } from "../../lib/env";
import { openDatabase } from "../../lib/db";
import { createMigration, deployMigrations, migrationStatus } from "../../lib/migrations";

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command === "dev") {
    const created = await createMigration(name ?? "migration");
    console.log(
      created ? `Created prisma/migrations/${created}/migration.sql` : "Schema unchanged: no migration created.",
    );
    if (!created) return 0;
  }
  const url = env().DATABASE_URL;
  const handle = openDatabase(url);
  const where = handle.kind === "pglite" ? url : url.replace(/\/\/[^@/]*@/, "//***@");
  try {
    if (command === "status") {
      const s = await migrationStatus(handle);
      console.log(`Database: ${where}`);
      if (s.upToDate) {
        console.log(`Database schema is up to date (${s.applied} migrations applied).`);
        return 0;
      }
      if (s.pending.length) console.log(`Pending migrations:\n  ${s.pending.join("\n  ")}`);
      if (s.failed.length) console.log(`Failed migrations:\n  ${s.failed.join("\n  ")}`);
      if (s.edited.length) console.log(`Edited after being applied:\n  ${s.edited.join("\n  ")}`);
      if (s.unknown.length) console.log(`Applied but missing from prisma/migrations:\n  ${s.unknown.join("\n  ")}`);
      return 1;
    }
    if (command === "deploy" || command === "dev") {
      const applied = await deployMigrations(handle);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${where}:\n  ${applied.join("\n  ")}`
          : `No pending migrations (${where}).`,
      );
      return 0;
    }
    console.error("usage: migrate.ts deploy | status | dev <name>");
    return 2;
  } finally {
    await handle.close();
  }
}

// Explicit exit: the engine leaves a timer behind and PGlite resets exitCode.
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
