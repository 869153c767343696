// POSTs a form's JSON to an auth route through the dashboard's fetchJson; answers the error message to show, or
// null when it worked. A 401 from the sign-in is a bare code by contract: say it in words.
import { z } from "zod";
import { ApiError, fetchJson } from "@/lib/queries/fetch-json";

export async function postForm(path: string, body: unknown): Promise<string | null> {
  try {
    await fetchJson(path, z.object({}).loose(), { method: "POST", json: body });
    return null;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return "Wrong e-mail or password, or the account is disabled.";
    return err instanceof Error ? err.message : String(err);
  }
}
