// Deterministic mutations of real payloads for the intake fuzz test: odd
// types, huge numbers, lone surrogates, deep nesting, very long strings and
// removed keys, applied at random places of a JSON tree. Same seed, same
// mutations, so a failure found once can be replayed.

/** mulberry32: small, fast, good enough to pick places and mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Slot = { parent: Json[] | { [k: string]: Json }; key: string | number };

const HUGE = [1e308, -1e308, 2 ** 53 + 1, -(2 ** 53 + 1), 1e21, 5e-324, -0, 1e16, 253402300800000];
const SURROGATES = ["\ud800", "\udfff", "\udbff", "\udc00x", "a\ud800b"];

/** Every place in the tree a value can be replaced (object members and array items). */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push({ parent: v, key: i });
        stack.push(item);
      });
    } else if (v && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        out.push({ parent: v, key: k });
        stack.push(item);
      }
    }
  }
  return out;
}

const get = (s: Slot): Json => (s.parent as Record<string | number, Json>)[s.key];
const set = (s: Slot, v: Json) => {
  (s.parent as Record<string | number, Json>)[s.key] = v;
};

export type MutationKind =
  | "retype"
  | "huge-number"
  | "lone-surrogate"
  | "surrogate-key"
  | "deep-nesting"
  | "long-string"
  | "remove-key"
  | "empty";

const KINDS: MutationKind[] = [
  "retype",
  "retype",
  "huge-number",
  "huge-number",
  "lone-surrogate",
  "lone-surrogate",
  "surrogate-key",
  "deep-nesting",
  "long-string",
  "remove-key",
  "remove-key",
  "empty",
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** Another JSON type for a value: string <-> number <-> null <-> array <-> object. */
function retyped(rand: () => number, v: Json): Json {
  const options: Json[] = [
    null,
    typeof v === "number"
      ? String(v)
      : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))
        ? Number(v)
        : 42,
    String(JSON.stringify(v) ?? "x"),
    [v],
    { value: v },
    true,
    "",
    [],
    {},
  ];
  return pick(rand, options);
}

/**
 * Deep nesting is spliced into the JSON text (JSON.stringify itself would
 * overflow the stack): the tree holds a marker string until serialisation.
 */
const NEST = /"~~nest:(\d+):([ao])~~"/g;
const nestMarker = (depth: number, asObject: boolean) => `~~nest:${depth}:${asObject ? "o" : "a"}~~`;
function spliceNesting(text: string): string {
  return text.replace(NEST, (_m, depth: string, kind: string) => {
    const n = Number(depth);
    return kind === "o" ? '{"a":'.repeat(n) + "1" + "}".repeat(n) : "[".repeat(n) + "1" + "]".repeat(n);
  });
}

/** Apply one mutation in place; returns what it did (for failure messages). */
function mutateOnce(rand: () => number, root: Json): string {
  const all = slots(root);
  if (!all.length) return "none (empty payload)";
  const kind = pick(rand, KINDS);
  const slot = pick(rand, all);
  const where = String(slot.key);
  const v = get(slot);
  switch (kind) {
    case "retype":
      set(slot, retyped(rand, v));
      return `retype ${where}`;
    case "huge-number": {
      // Numeric strings as well: dates and ids arrive both ways.
      const n = pick(rand, HUGE);
      set(slot, rand() < 0.75 ? n : String(n));
      return `huge ${where}=${n}`;
    }
    case "lone-surrogate": {
      const s = pick(rand, SURROGATES);
      set(slot, typeof v === "string" && rand() < 0.5 ? v + s : s);
      return `surrogate ${where}`;
    }
    case "surrogate-key": {
      if (Array.isArray(slot.parent)) {
        set(slot, { [pick(rand, SURROGATES)]: v });
      } else {
        const parent = slot.parent;
        delete parent[slot.key as string];
        parent[`${slot.key}${pick(rand, SURROGATES)}`] = v;
      }
      return `surrogate key ${where}`;
    }
    case "deep-nesting":
      set(slot, nestMarker(pick(rand, [50, 500, 5_000, 50_000]), rand() < 0.5));
      return `nest ${where}`;
    case "long-string":
      // (bodies near the 1 MiB limit are the 413 tests' business; these stay fast)
      set(slot, "x".repeat(pick(rand, [1_000, 10_000, 200_000])) + (typeof v === "string" ? v : ""));
      return `long ${where}`;
    case "remove-key":
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return `remove ${where}`;
    case "empty":
      set(slot, Array.isArray(v) ? [] : v && typeof v === "object" ? {} : "");
      return `empty ${where}`;
  }
}

/** A mutated copy of `payload` (1 to 3 mutations) as JSON text, and a description of them. */
export function mutate(rand: () => number, payload: unknown): { text: string; did: string[] } {
  const body = structuredClone(payload) as Json;
  const did: string[] = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) did.push(mutateOnce(rand, body));
  return { text: spliceNesting(JSON.stringify(body)), did };
}
