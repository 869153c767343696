// The workspace's jobs, for Setup → Databricks → Apply (?workspace= when several are configured).
import { guarded } from "@/lib/api/guarded";
import { jsonResponse } from "@/lib/errors";
import { listDatabricksJobs } from "@/lib/setup-generators/databricks-apply";

export const dynamic = "force-dynamic";

export const GET = guarded("admin", async (req: Request, _ctx: unknown) =>
  jsonResponse(await listDatabricksJobs(new URL(req.url).searchParams.get("workspace") ?? undefined)),
);
