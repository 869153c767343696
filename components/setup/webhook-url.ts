// The URL to paste and the curl test of one source's setup guide (GET /api/setup), built from this page's origin.
import type { SetupJson } from "@/lib/api/schemas";

export type SetupSource = SetupJson["sources"][number];

/** The URL to paste; the key placeholder is never filled in by the page (secrets stay out of the dashboard). */
export function webhookUrl(origin: string, source: SetupSource): string {
  const base = `${origin || "https://<rca-desk-host>"}${source.path}`;
  return source.preferredAuth === "query" ? `${base}?api_key=<your key>` : base;
}

export function curlExample(origin: string, source: SetupSource): string {
  const base = `${origin || "https://<rca-desk-host>"}${source.path}`;
  const target =
    source.preferredAuth === "basic"
      ? `"${base}" -u "rca-desk:$RCA_API_KEY"`
      : source.preferredAuth === "header"
        ? `"${base}" -H "x-api-key: $RCA_API_KEY"`
        : `"${base}?api_key=$RCA_API_KEY"`;
  return [
    `curl -sS -X POST ${target} \\`,
    `  -H 'content-type: application/json' \\`,
    `  --data-binary @- <<'JSON'`,
    JSON.stringify(source.samplePayload, null, 2),
    "JSON",
  ].join("\n");
}
