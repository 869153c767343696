// Vitest global setup: on PostgreSQL, build one migrated template database
// through the real migration engine; every test file clones it and drops its
// clone. On PGlite every file gets a fresh in-memory database instead.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db";
import { deployMigrations } from "../migrations";
import { adminPgUrl, pgUrlFor, testDbKind } from "./db-config";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPgUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  if (testDbKind !== "postgres") {
    project.provide("pgTemplate", null);
    return;
  }
  const template = `rca_test_${randomBytes(5).toString("hex")}_tmpl`;
  await admin((c) => c.query(`CREATE DATABASE "${template}"`));
  const handle = openDatabase(pgUrlFor(template));
  try {
    await deployMigrations(handle);
  } finally {
    await handle.close();
  }
  project.provide("pgTemplate", template);
  return async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}
