// Liveness and readiness: database reachability and job backlog.
import { jsonResponse } from "@/lib/errors";
import { health } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { status, body } = await health();
  return jsonResponse(body, status);
}
