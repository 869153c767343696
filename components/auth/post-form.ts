"use client";
// The sign-in and first-admin forms' submit: POST the form's JSON through the dashboard's fetchJson, then a full load
// of `destination` (not a client navigation: nothing cached for an earlier session survives), or the error to show.
import { useState } from "react";
import { z } from "zod";
import { ApiError, fetchJson } from "@/lib/queries/fetch-json";

async function postForm(path: string, body: unknown): Promise<string | null> {
  try {
    await fetchJson(path, z.object({}).loose(), { method: "POST", json: body });
    return null;
  } catch (err) {
    // a 401 from the sign-in is a bare code by contract: say it in words
    if (err instanceof ApiError && err.status === 401) return "Wrong e-mail or password, or the account is disabled.";
    return err instanceof Error ? err.message : String(err);
  }
}

export function useAuthPost(path: string, destination: string) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(body: unknown) {
    setBusy(true);
    const failed = await postForm(path, body);
    if (failed === null) return window.location.assign(destination);
    setError(failed);
    setBusy(false);
  }
  return { error, setError, busy, send };
}
