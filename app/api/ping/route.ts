// A route that does nothing but answer: the ceiling the bench compares intake to.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" });
}

export async function POST(req: Request): Promise<Response> {
  await req.text();
  return Response.json({ status: "ok" }, { status: 202 });
}
