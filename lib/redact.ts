// Secret redaction for logs, the dashboard and anything sent to an LLM.
// Patterns are about the secrets that really appear in ADF and Databricks
// error text: storage keys, SAS signatures, connection-string passwords,
// Databricks PATs, bearer tokens, JWTs and PEM private keys.

export const REDACTED = "[REDACTED]";

type Rule = { name: string; pattern: RegExp; replace: string | ((...m: string[]) => string) };

const RULES: Rule[] = [
  {
    name: "private-key",
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: `-----BEGIN PRIVATE KEY-----${REDACTED}-----END PRIVATE KEY-----`,
  },
  // Connection strings: AccountKey=...; SharedAccessKey=...; Password=...; pwd=...
  {
    name: "connection-string-secret",
    pattern:
      /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|client_secret|AccessKey|ApiKey|api_key|Secret)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^;,\s&"'}]+)/gi,
    replace: (_m, k: string, sep: string) => `${k}${sep}${REDACTED}`,
  },
  // SAS tokens in URLs or strings: sig=...
  { name: "sas-signature", pattern: /\b(sig=)[^&\s"'<>]+/gi, replace: `$1${REDACTED}` },
  // Credentials inside URLs: scheme://user:password@host
  {
    name: "url-credentials",
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:)[^\s@/"']+@/gi,
    replace: `$1${REDACTED}@`,
  },
  // Databricks personal access tokens
  { name: "databricks-token", pattern: /\bdapi[0-9a-f]{20,40}(-\d+)?\b/gi, replace: REDACTED },
  // JWTs (Entra ID tokens and others)
  {
    name: "jwt",
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g,
    replace: REDACTED,
  },
  // Authorization headers quoted in error text
  { name: "bearer", pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, replace: `$1 ${REDACTED}` },
  // Azure storage account keys are 88-char base64 strings ending in "=="
  { name: "storage-key", pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/g, replace: REDACTED },
  // Slack / GitHub / Google style API tokens
  { name: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: REDACTED },
  { name: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: REDACTED },
];

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export type RedactOptions = { emails?: boolean };

/** Replace every secret-looking substring of `text`. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, rule.replace as (substring: string, ...args: string[]) => string);
  }
  if (options.emails) out = out.replace(EMAIL, "[EMAIL]");
  return out;
}

const SECRET_KEY = /(pass(word)?|pwd|secret|token|api[-_]?key|apikey|authorization|cookie|credential|signature|private[-_]?key|access[-_]?key|account[-_]?key|^sig$)/i;

/** Deep copy of `value` with secret-named fields and secret-looking strings redacted. */
export function redactValue<T>(value: T, options: RedactOptions = {}, depth = 0): T {
  if (depth > 20) return value;
  if (typeof value === "string") return redactText(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, options, depth + 1)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined && typeof v !== "object" ? REDACTED : redactValue(v, options, depth + 1);
    }
    return out as T;
  }
  return value;
}
