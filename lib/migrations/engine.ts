// Loads Prisma's schema engine compiled to WebAssembly, so migrations run
// with no engine binary download. Node 20 cannot `import` a .wasm file, so the
// module's glue is instantiated by hand (see ../shared/notes/prisma-offline.md).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let loaded: Promise<Bg> | undefined;

async function loadBindings(): Promise<Bg> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as Bg;
  const compiled = await WebAssembly.compile(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = await WebAssembly.instantiate(compiled, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(msg: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(msg: string) {
      throw new Error(`Prisma schema engine panicked: ${msg}`);
    },
  };
  return bg;
}

export type EngineLog = (line: string) => void;

/**
 * A schema engine bound to one database through its driver adapter. The
 * engine opens its own connections through the factory and never closes
 * them, so they are tracked here and disposed by `close()`.
 */
export async function createSchemaEngine(
  schemaFiles: { path: string; content: string }[],
  adapter: SqlMigrationAwareDriverAdapterFactory,
  log: EngineLog = () => {},
): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  loaded ??= loadBindings();
  const bg = await loaded;
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => {
      const a = await adapter.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await adapter.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: schemaFiles.map((f) => [f.path, f.content]) },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.map((a) => a.dispose()));
    },
  };
}
