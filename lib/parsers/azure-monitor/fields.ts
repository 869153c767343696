// Case- and punctuation-insensitive field lookup over Azure payload fragments
// (dimensions, log rows, custom properties): one column arrives as
// PipelineRunId, pipelineRunId or pipeline_run_id depending on who wrote the query.

export type Fields = Record<string, unknown>;

/** "Pipeline_Run-Id" → "pipelinerunid": how two spellings of one field compare. */
export function normKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A trimmed non-empty text for a scalar; ADF writes the string "null" for missing values, so that counts as missing. */
export function textOf(value: unknown): string | null {
  if (typeof value === "string") {
    const t = value.trim();
    return t && !/^(null|undefined)$/i.test(t) ? t : null;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return null;
}

export function numberOf(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const t = textOf(value);
  if (t === null || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A plain object, or a JSON object serialized into a string (log columns of type dynamic often are). */
export function objectOf(value: unknown): Fields | null {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Fields;
  if (typeof value !== "string" || !value.trim().startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Fields) : null;
  } catch {
    return null;
  }
}

function isPresent(value: unknown): boolean {
  return textOf(value) !== null || (typeof value === "object" && value !== null);
}

// Log rows keep the interesting parts of Spark and App Insights records in
// a nested dynamic column; looking there too saves every caller a special case.
const NESTED = new Set(["properties", "customdimensions"]);

const DIAGNOSTICS_SUFFIX = /^(.+[a-z0-9])_[sgdbt]$/i;

/** Ordered layers of fields: the first layer that has a value for a name wins. */
export class FieldBag {
  private readonly layers: Map<string, unknown>[] = [];

  constructor(sources: ReadonlyArray<Fields | null | undefined>) {
    for (const source of sources) if (source) this.addLayer(source, true);
  }

  private addLayer(source: Fields, expand: boolean): void {
    const layer = new Map<string, unknown>();
    const nested: Fields[] = [];
    let aliases: [string, unknown][] | null = null;
    let dotted: Map<string, Fields> | null = null;
    for (const [key, value] of Object.entries(source)) {
      const k = normKey(key);
      if (!layer.has(k) || !isPresent(layer.get(k))) layer.set(k, value);
      const inner = expand && NESTED.has(k) ? objectOf(value) : null;
      if (inner) nested.push(inner);
      // AzureDiagnostics (the legacy diagnostic-settings mode) types its columns: pipelineName_s, runId_g, end_t.
      const base =
        key.length > 2 && key.charCodeAt(key.length - 2) === 95 ? DIAGNOSTICS_SUFFIX.exec(key)?.[1] : undefined;
      if (base) (aliases ??= []).push([normKey(base), value]);
      // Custom properties are a flat string map, so authors write an object's fields as dotted keys
      // ("Error.message", "Error.errorCode"): they are grouped back under their parent ("error").
      const dot = key.indexOf(".");
      if (dot > 0 && dot < key.length - 1) {
        const parent = normKey(key.slice(0, dot));
        if (parent) (dotted ??= new Map()).set(parent, { ...dotted?.get(parent), [key.slice(dot + 1)]: value });
      }
    }
    for (const [k, value] of aliases ?? []) if (k && !isPresent(layer.get(k))) layer.set(k, value);
    for (const [parent, fields] of dotted ?? []) {
      const own = objectOf(layer.get(parent));
      if (own || !isPresent(layer.get(parent))) layer.set(parent, { ...fields, ...own });
    }
    this.layers.push(layer);
    for (const inner of nested) this.addLayer(inner, false);
  }

  /** The raw value of the first present name (names in priority order within a layer). */
  get(...names: string[]): unknown {
    const keys = names.map(normKey);
    for (const layer of this.layers) {
      for (const k of keys) {
        const value = layer.get(k);
        if (isPresent(value)) return value;
      }
    }
    return undefined;
  }

  text(...names: string[]): string | null {
    const keys = names.map(normKey);
    for (const layer of this.layers) {
      for (const k of keys) {
        const t = textOf(layer.get(k));
        if (t !== null) return t;
      }
    }
    return null;
  }

  has(...names: string[]): boolean {
    return this.get(...names) !== undefined;
  }
}

export interface ErrorParts {
  code: string | null;
  message: string | null;
  failureType: string | null;
  target: string | null;
}

/**
 * ADF's `Error` ({errorCode, message, failureType, target}) arrives as an
 * object, as a JSON string of one, or as plain text; ARM wraps it in `error`.
 */
export function readErrorObject(value: unknown): ErrorParts | null {
  const obj = objectOf(value);
  if (obj) {
    const inner = objectOf(obj.error);
    const bag = new FieldBag([obj, inner]);
    const parts = {
      code: bag.text("errorCode", "code"),
      message: bag.text("message", "errorMessage"),
      failureType: bag.text("failureType"),
      target: bag.text("target"),
    };
    return parts.code || parts.message || parts.failureType || parts.target ? parts : null;
  }
  const text = textOf(value);
  return text ? { code: null, message: text, failureType: null, target: null } : null;
}
