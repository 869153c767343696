// Runs before every page: hands the requested path to the dashboard layout
// (as x-rca-path), so a sign-in that a page asks for returns to that page.
// Authentication itself happens in the layout and in each API route, next to
// the database; this file only passes information along.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set("x-rca-path", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // pages only: not the API, Next's assets or static files
  matcher: ["/((?!api/|_next/|favicon\\.svg|.*\\.(?:svg|png|ico|txt)$).*)"],
};
