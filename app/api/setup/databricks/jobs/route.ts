// The workspace's jobs, for Setup → Databricks → Apply (?workspace= when several are configured).
import { jsonResponse, withErrors } from "@/lib/errors";
import { listDatabricksJobs } from "@/lib/setup-generators/databricks-apply";

export const dynamic = "force-dynamic";

export const GET = withErrors(async (req: Request) =>
  jsonResponse(await listDatabricksJobs(new URL(req.url).searchParams.get("workspace") ?? undefined)),
);
