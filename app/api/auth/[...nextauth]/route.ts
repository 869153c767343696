// Auth.js's routes (sign-in redirect and callback of Microsoft Entra ID); 404 when Entra ID is not configured.
import { entraAuth, entraConfigured } from "@/lib/auth/entra";
import { jsonResponse } from "@/lib/errors";
import type { NextRequest } from "next/server";

export const dynamic = "force-dynamic";

const notConfigured = () =>
  jsonResponse({ error: "not_found", message: "Microsoft Entra ID sign-in is not configured" }, 404);

export function GET(req: NextRequest) {
  return entraConfigured() ? entraAuth().handlers.GET(req) : notConfigured();
}

export function POST(req: NextRequest) {
  return entraConfigured() ? entraAuth().handlers.POST(req) : notConfigured();
}
