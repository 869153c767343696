// The sources this server knows, with their labels (GET /api/sources).
import { guarded } from "@/lib/api/guarded";
import { jsonResponse } from "@/lib/errors";
import { sourceDirectory } from "@/lib/sources/directory";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async () => jsonResponse({ sources: sourceDirectory() }));
