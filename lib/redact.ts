// Secret redaction for logs, the dashboard and anything sent to an LLM.
// Patterns target the secrets that really appear in ADF and Databricks error
// text (storage keys, SAS signatures, connection-string passwords, Databricks
// PATs, bearer tokens, JWTs, PEM keys) while leaving ordinary error text —
// column names, storage paths, HTTP status lines, "Unexpected token" — intact.

export const REDACTED = "[REDACTED]";
const EMAIL_TOKEN = "[EMAIL]";

type Replacer = (match: string, ...groups: string[]) => string;
type Rule = { name: string; pattern: RegExp; replace: string | Replacer };

// A value after `name=` / `name: `: escaped-quoted (JSON inside a JSON string),
// quoted, ODBC-braced ({a;b}), or bare up to a delimiter. Bare values stop at `,)}]` so that
// `Conf(password=x, user=y)` keeps its punctuation.
const VALUE = String.raw`(\\"(?:[^"\\]|\\(?!"))*\\"|"[^"\r\n]*"|'[^'\r\n]*'|\{[^}\r\n]*\}|[^\s;&"'<>\\,)}\]]+)`;

const ALREADY_REDACTED = /^(?:\\"|"|'|\{)?\[(?:REDACTED|EMAIL)/;

/** Keeps the key and the quotes, replaces what is between them. */
const keepKey: Replacer = (match, key, sep, value) => {
  if (ALREADY_REDACTED.test(value)) return match;
  const quote = /^(\\"|"|')/.exec(value)?.[1];
  if (value.startsWith("{")) return `${key}${sep}{${REDACTED}}`;
  return `${key}${sep}${quote ? `${quote}${REDACTED}${quote}` : REDACTED}`;
};

// Names whose value is always a secret, whatever the separator (`=`, `:`, or
// Python/Scala `"password", "x"`). Any prefix is kept as it is (db_password,
// x-api-key, Ocp-Apim-Subscription-Key), but the name must end at the
// separator, so `PasswordPolicy` or `accessKeyId` are left alone. No prefix is
// matched on purpose: a `[\w]*` prefix makes long word runs quadratic.
const STRONG_NAME = String.raw`(?:password|passwd|pwd|passphrase|client[_.-]?secret|secret[_.-]?key|account[_.-]?key|shared[_.-]?access[_.-]?(?:key|signature)|access[_.-]?key|api[_.-]?key|subscription[_.-]?key|functions?[_.-]?key|master[_.-]?key|private[_.-]?key|(?:access|refresh|id|auth|sas|session|bearer)[_.-]?token)`;
const STRONG_SEP = String.raw`((?:\\?["'])?\s*[=:]\s*|["']\s*,\s*(?=["']))`;

// Names that are secrets only in `name=value` or quoted-JSON-key form: a bare
// "token:" is too often prose ("Unexpected token: }", "secret: not found").
const MEDIUM_NAME = String.raw`(?:secret|token|credentials?)`;

const RULES: Rule[] = [
  {
    name: "private-key",
    pattern:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: `-----BEGIN PRIVATE KEY-----${REDACTED}-----END PRIVATE KEY-----`,
  },
  // Credentials inside URLs: scheme://user:password@host
  {
    name: "url-credentials",
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"';]+:)[^\s@/"';]+@/gi,
    replace: `$1${REDACTED}@`,
  },
  // Spark / Hadoop conf keys for ADLS: fs.azure.account.key.<acct>..., fs.azure.sas.<container>...
  {
    name: "spark-azure-conf",
    pattern:
      /(fs\.azure\.(?:account\.key|sas|account\.oauth2\.client\.secret)[\w.-]*)(["']?\s*[=:,]\s*["']?)([^\s"',;}]+)/gi,
    replace: keepKey,
  },
  // Authorization headers quoted in error text, whatever the scheme (SharedKey account:sig too).
  {
    name: "authorization-header",
    pattern:
      /\b(authorization["']?\s*[:=]\s*["']?(?:(?:Bearer|Basic|SharedKey|SharedKeyLite|SharedAccessSignature|Token|Digest)\s+)?)([^\s"',;]+)/gi,
    replace: (match, key: string, value: string) => (value.startsWith("[REDACTED") ? match : `${key}${REDACTED}`),
  },
  { name: "strong-key-value", pattern: new RegExp(`(${STRONG_NAME})${STRONG_SEP}${VALUE}`, "gi"), replace: keepKey },
  {
    name: "medium-key-value",
    pattern: new RegExp(String.raw`(${MEDIUM_NAME}|(?<![\w.-])(?:sig|signature))(\s*=\s*)${VALUE}`, "gi"),
    replace: keepKey,
  },
  {
    name: "medium-json-key",
    pattern: new RegExp(
      String.raw`((\\?["'])(?:[\w.-]{0,40}?${MEDIUM_NAME}|sig|signature|cookie)\2)(\s*:\s*)${VALUE}`,
      "gi",
    ),
    replace: (match, key: string, _q: string, sep: string, value: string) => keepKey(match, key, sep, value),
  },
  // SAS signatures (also URL-encoded), Azure Functions keys and API keys in query strings.
  {
    name: "sas-signature",
    pattern: /\b(sig(?:=|%3D))[^&\s"'<>;]+/gi,
    replace: (m, k: string) => (m.includes("[REDACTED") ? m : `${k}${REDACTED}`),
  },
  {
    name: "query-secret",
    pattern: /([?&](?:key|code|token|access_token|secret)=)[^&\s"'<>#]+/gi,
    replace: (m, k: string) => (m.includes("[REDACTED") ? m : `${k}${REDACTED}`),
  },
  // Databricks personal access tokens (dapi…, optional -N suffix) and OAuth secrets (dose…).
  { name: "databricks-token", pattern: /(?<![A-Za-z0-9])(?:dapi|dose)[0-9a-f]{16,}(?:-\d+)?/gi, replace: REDACTED },
  // JWTs (Entra ID tokens and others); an unsigned JWT has an empty third part.
  {
    name: "jwt",
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    replace: REDACTED,
  },
  // "Bearer <token>" outside an Authorization header; plain words ("Basic authentication") are kept.
  {
    name: "bearer",
    pattern: /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi,
    replace: (match, scheme: string, space: string, token: string) =>
      looksLikeToken(token) ? `${scheme}${space}${REDACTED}` : match,
  },
  // Azure storage account keys are 88-char base64 strings ending in "==".
  { name: "storage-key", pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/g, replace: REDACTED },
  // Slack, GitHub and Google API keys.
  { name: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: REDACTED },
  { name: "github-token", pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, replace: REDACTED },
  { name: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, replace: REDACTED },
];

/** A credential has digits, symbols or mixed case; an English word does not. */
function looksLikeToken(raw: string): boolean {
  const token = raw.replace(/\.+$/, "");
  if (token.length < 8 || /^[a-z_]+=/i.test(token)) return false;
  return /\d/.test(token) || /[+/=_~-]/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token.slice(1)));
}

// Not after "/" or a word character: keeps abfss://container@account.dfs.core.windows.net/ intact.
const EMAIL = /(?<![\w.%+/-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

export type RedactOptions = { emails?: boolean };

/** Replace every secret-looking substring of `text`. Idempotent. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, rule.replace as Replacer);
  }
  if (options.emails) out = out.replace(EMAIL, EMAIL_TOKEN);
  return out;
}

// Field names are judged by their words (camelCase, snake_case, kebab-case),
// so `inputTokens`, `errorSignature`, `task_key` and `dedupKey` stay readable
// while `password`, `apiKey`, `accessToken` and `sig` are hidden.
const SECRET_WORDS = new Set([
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "secret",
  "secrets",
  "credential",
  "credentials",
  "cookie",
  "authorization",
  "sig",
  "apikey",
  "pat",
]);
const KEY_QUALIFIERS = new Set([
  "api",
  "account",
  "access",
  "private",
  "secret",
  "shared",
  "subscription",
  "master",
  "function",
  "functions",
  "host",
  "encryption",
  "signing",
  "storage",
  "client",
  "goog",
]);
const DESCRIBES_NOT_HOLDS = new Set([
  "type",
  "name",
  "id",
  "ids",
  "count",
  "url",
  "uri",
  "endpoint",
  "expiry",
  "expires",
  "expiration",
  "length",
  "kind",
  "mode",
  "provider",
  "hint",
  "ref",
  "scope",
  "version",
  "policy",
  "enabled",
  "configured",
  "present",
  "at",
]);

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0 || DESCRIBES_NOT_HOLDS.has(words[words.length - 1])) return false;
  if (words.length === 1 && (words[0] === "token" || words[0] === "signature")) return true;
  return words.some(
    (w, i) =>
      SECRET_WORDS.has(w) ||
      (w === "key" && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) ||
      (w === "token" && i > 0 && !["max", "min", "num", "total"].includes(words[i - 1])) ||
      (w === "signature" && i > 0 && words[i - 1] === "access"),
  );
}

/** Deep copy of `value` with secret-named fields and secret-looking strings redacted. */
export function redactValue<T>(value: T, options: RedactOptions = {}, depth = 0): T {
  if (depth > 20) return value;
  if (typeof value === "string") return redactText(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, options, depth + 1)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] =
        isSecretKey(k) && v !== null && v !== undefined && typeof v !== "object"
          ? REDACTED
          : redactValue(v, options, depth + 1);
    }
    return out as T;
  }
  return value;
}
