// A route that does nothing but answer: the ceiling the bench compares intake
// to. Only served when RCA_BENCH_ROUTES=true (npm run bench sets it), so a
// production server has no unauthenticated route that reads bodies.
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "not_found" }, { status: 404 });

export function GET(): Response {
  if (!env().RCA_BENCH_ROUTES) return notFound();
  return Response.json({ status: "ok" });
}

export async function POST(req: Request): Promise<Response> {
  if (!env().RCA_BENCH_ROUTES) return notFound();
  await req.text();
  return Response.json({ status: "ok" }, { status: 202 });
}
