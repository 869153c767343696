// Prisma CLI config. Only `prisma generate` uses the CLI here; migrations run
// through scripts/db/migrate.ts (WebAssembly schema engine, no download).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
