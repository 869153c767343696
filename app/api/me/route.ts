// Who the caller is (GET /api/me): the dashboard shows the name and hides what the role cannot do.
import { guarded } from "@/lib/api/guarded";
import { describePrincipal } from "@/lib/auth/principal";
import { jsonResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (_req, _ctx, who) => jsonResponse(describePrincipal(who)));
