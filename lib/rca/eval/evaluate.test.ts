// Accuracy and safety of the no-LLM classification on the committed dev set (lib/rca/eval/rca-dev.jsonl), measured
// the honest way: stratified 10-fold cross-validation, the fallback retrained per fold without the held-out items.
import { describe, expect, it } from "vitest";
import { loadLabelledSet, parseLabelledErrors, type LabelledError } from "./dataset";
import {
  classifyItem,
  crossValidate,
  rulesOnly,
  score,
  stratifiedFolds,
  trainTest,
  unsafeReason,
  withoutOverlap,
} from "./evaluate";

/**
 * The dev set alone, the fallback trained per fold on KB examples + the other dev folds: 97/120 = 80.8% at sessions 11
 * and 12 (93/120 at session 8). The dev part of the all-sets CV, whose folds also train on the other sets, is 99/120
 * with the twenty-first and twentieth sets, 98/120 with the nineteenth (the folds differ with each set added), 99/120
 * with the sixteenth to eighteenth sets, 98/120 with session 14's fallback training (momentum), 97/120 with the
 * thirteenth set, 96/120 with the twelfth, 97/120 with the eleventh, 98/120 before (BENCHMARKS.md "RCA accuracy").
 * The issue's target is 90%.
 */
const MIN_CV_ACCURACY = 97 / 120;

/**
 * Measured with `npm run rca:eval` (BENCHMARKS.md "RCA accuracy"), 10-fold CV of every set:
 * - the seven sets of session 8: 343/555 = 61.8% at session 9's code, 329 at session 8's (session 9 lowered the
 *   fallback's threshold from 0.35 to 0.25 and added classes written from items of the fresh, next, later and last
 *   sets);
 * - all eight: 360/605 = 59.5% at session 9's code, 368/605 at session 10's (classes and the no-cause rule written from
 *   items of these sets);
 * - with the tenth set, all nine: 392/631 = 62.1%, 394 at session 11's (two items of the ninth and tenth sets gave the
 *   quota family its wording of a service cap in words: not a first-sight gain);
 * - with the eleventh set, all ten: 398/649 = 61.3%; 399 at session 12's code;
 * - with the twelfth set, all eleven: 414/665 = 62.3%; with its ADF part (held out in session 12, added in session 13)
 *   418/684 = 61.1%, 419 with the ADF queue-full class;
 * - with the thirteenth set, all twelve: 433/710 = 61.0%; with the fourteenth, all thirteen: 442/727 = 60.8%; with the
 *   fifteenth, all fourteen: 462/755 = 61.2%; 468/755 = 62.0% since session 14 trains the fallback with momentum (plain
 *   gradient descent had stopped short of the optimum);
 * - with the sixteenth set, all fifteen: 598/961 = 62.2%; 600 with the .NET assembly class;
 * - with the seventeenth set, all sixteen: 629/1025 = 61.4%;
 * - with the eighteenth set, all seventeen: 687/1171 = 58.7% (its own part 49/146; the other parts 638/1025);
 * - with the nineteenth set, all eighteen: 727/1258 = 57.8% (its own part 50/87); 730 since session 16's class for
 *   a SQL server that could not be reached (written from two items of the later and nineteenth sets, and measured
 *   first on a study of 25 new reports of that text: below);
 * - with the twentieth set, all nineteen: 773/1340 = 57.7% (its own part 36/82);
 * - with the twenty-first set, all twenty: 802/1399 = 57.3% (its own part 27/59).
 * Its extra part 47/60 (44 before session 14; the folds differ with each set added); trained on dev only and tested
 * on the extra set (leave-one-source-out) 48/60 (44 before session 14); trained on dev + extra and tested on the more
 * set 49/83 (50 before session 9 filed "maximum concurrent runs" under resource, as corpus/ERROR_CODES.md does: one
 * of its items was labelled configuration); trained on those three and tested on the fresh set 52/99 (which documents
 * the fallback learns moves these figures by ±3, BENCHMARKS.md).
 */
const MIN_COMBINED_CORRECT = 802;
/** the extra part of that CV: 44/60 until session 14's fallback training, 47/60 since */
const MIN_EXTRA_CORRECT = 47;
const MIN_MORE_CORRECT = 49;
/** 52 until session 12: its KB examples (executor lost as resource, two library wordings) moved one fresh item; 52
 * again since session 14's fallback training */
const MIN_FRESH_CORRECT = 52;
/** the fresh set's size (session 5's collection) */
const FRESH_SIZE = 99;
/** the next set (session 6's collection): 32/58 when first measured, trained on the four earlier sets; 35 since
 * session 9's classes (written from three of its items: no longer first sight); 33 since session 14's fallback
 * training, which answers two of its statistical items otherwise (and gains 7 on the six newest sets) */
const MIN_NEXT_CORRECT = 33;
const NEXT_SIZE = 58;
/** the later set (session 8's collection): 37/69 when first measured, trained on the five earlier sets; 40 since
 * session 9's classes (written from two of its items); 38 since session 14's fallback training (as for the next set) */
const MIN_LATER_CORRECT = 38;
const LATER_SIZE = 69;
/** the last set (session 8's second collection): 24/66 when first measured, trained on the six earlier sets; 28 with
 * session 9's fallback threshold and classes (written from two of its items) */
const MIN_LAST_CORRECT = 28;
const LAST_SIZE = 66;
/** the ninth set (session 9's collection): 21/50 when first measured, trained on the seven earlier sets (19/50 with
 * session 8's code); 23 since session 11's quota wording (written from one of its items); 24 since session 14's
 * fallback training */
const MIN_NINTH_CORRECT = 24;
const NINTH_SIZE = 50;
/** the tenth set (session 10's collection, Databricks only): 16/26 when first measured, trained on the eight earlier
 * sets (16/26 with session 9's code too); 17 since session 11's quota wording (written from one of its items); 18 at
 * session 13's final code */
const MIN_TENTH_CORRECT = 18;
const TENTH_SIZE = 26;
/** the eleventh set (session 11's collection, ADF only): 10/18 when first measured, trained on the nine earlier sets
 * (10/18 with session 10's code too); 11 since session 14's fallback training */
const MIN_ELEVENTH_CORRECT = 11;
const ELEVENTH_SIZE = 18;
/** the twelfth set (session 12's collection), trained on the ten earlier sets. Its 16 Databricks items: 7/16 when
 * first measured, with one unsafe answer (a shuffle fetch failure retried by repair, labelled resource); 10/16 and no
 * unsafe since session 12's executor-lost and library wordings (written from three of its items: not a first-sight
 * gain). Its 19 ADF items, held out in session 12 and added in session 13: 9/19 when first measured, 10/19 since
 * session 13's provider-registration class (written from one of them). 22/35 since session 14's fallback training. */
const MIN_TWELFTH_CORRECT = 22;
const TWELFTH_SIZE = 35;
/** the thirteenth set (session 13's collection: 10 ADF, 16 Databricks): 11/26 when first measured, trained on the
 * eleven earlier sets (the ADF part at 448c1cb and 9cc7fb5, the Databricks part at 448c1cb), no unsafe answer; 13/26
 * since session 13's Databricks Connect version and ADF queue-full classes (written from two of its items); 15/26
 * since session 14's fallback training */
const MIN_THIRTEENTH_CORRECT = 15;
const THIRTEENTH_SIZE = 26;
/** the fourteenth set (session 13's second collection: 7 ADF, 10 Databricks): 7/17 when first measured at 72ad38a,
 * trained on the twelve earlier sets, with two unsafe answers (below); 8/17 since session 13's JavaPackage wording
 * (written from one of its items); 9/17 since session 14's fallback training */
const MIN_FOURTEENTH_CORRECT = 9;
const FOURTEENTH_SIZE = 17;
/** the fifteenth set (session 13's third collection: 10 ADF, 18 Databricks): 15/28 when first measured at 53c4c26,
 * trained on the thirteen earlier sets, with one unsafe answer (below); nothing was written from it; 16/28 since
 * session 14's fallback training */
const MIN_FIFTEENTH_CORRECT = 16;
const FIFTEENTH_SIZE = 28;
/** the sixteenth set (session 14's collection: 60 ADF, 146 Databricks): 121/206 when first measured at c52c474,
 * trained on the fourteen earlier sets, with two unsafe answers (below); 114/206 at 4583826, before the fallback's
 * momentum, which was chosen before this set was collected; 123/206 since session 14's .NET assembly class (written
 * from two of its items: not a first-sight gain) */
const MIN_SIXTEENTH_CORRECT = 123;
const SIXTEENTH_SIZE = 206;
/** the seventeenth set (session 14's second collection: 12 ADF, 52 Databricks, 49 of them from Microsoft's Azure
 * portal troubleshooting articles): 38/64 when first measured at e9b3003, trained on the fifteen earlier sets, with
 * two unsafe answers (below); nothing was written from it */
const MIN_SEVENTEENTH_CORRECT = 38;
const SEVENTEENTH_SIZE = 64;
/** the eighteenth set (session 15's collection: 40 ADF, 106 Databricks, 48 of them labelled code): 48/146 when first
 * measured at 1790b19, trained on the seventeen earlier sets, with one unsafe answer (below); nothing was written
 * from it */
const MIN_EIGHTEENTH_CORRECT = 48;
const EIGHTEENTH_SIZE = 146;
/** the nineteenth set (session 15's second collection: 33 ADF, 54 Databricks): 49/87 when first measured at 4209af4,
 * trained on the eighteen earlier sets, with two unsafe answers (below); nothing was written from it */
const MIN_NINETEENTH_CORRECT = 49;
const NINETEENTH_SIZE = 87;
/** the twentieth set (session 16's collection: 17 ADF, 66 Databricks; four readers, each on a family whose automatic
 * retry had been unsafe): 35/82 when first measured at 60933a2, trained on the nineteen earlier sets, with ten unsafe
 * answers; 34/82 since session 16's SQL class (its example moves the fallback on one item), with one unsafe answer
 * since session 16's rule for fixes in doubt (below; nothing else was written from it). An 83rd item was dropped
 * after it was measured (a miss): its first 60 characters, a Terraform wrapper, open an item of the last set. */
const MIN_TWENTIETH_CORRECT = 34;
const TWENTIETH_SIZE = 82;
/** the twenty-first set (session 17's collection: 18 ADF / Synapse / Fabric, 41 Databricks; four readers asked for an
 * ordinary on-call mix, who found mostly tool bugs and vendor known issues left): 29/59 when first measured at 12e6ee7,
 * trained on every earlier set (dev to twentieth), with one unsafe answer (below); nothing was written from it */
const MIN_TWENTYFIRST_CORRECT = 29;
const TWENTYFIRST_SIZE = 59;

const dev = loadLabelledSet("dev");
const extra = loadLabelledSet("extra");
const more = loadLabelledSet("more");
const fresh = loadLabelledSet("fresh");
const next = loadLabelledSet("next");
const later = loadLabelledSet("later");
const last = loadLabelledSet("last");
const ninth = loadLabelledSet("ninth");
const tenth = loadLabelledSet("tenth");
const eleventh = loadLabelledSet("eleventh");
const twelfth = loadLabelledSet("twelfth");
const thirteenth = loadLabelledSet("thirteenth");
const fourteenth = loadLabelledSet("fourteenth");
const fifteenth = loadLabelledSet("fifteenth");
const sixteenth = loadLabelledSet("sixteenth");
const seventeenth = loadLabelledSet("seventeenth");
const eighteenth = loadLabelledSet("eighteenth");
const nineteenth = loadLabelledSet("nineteenth");
const twentieth = loadLabelledSet("twentieth");
const twentyfirst = loadLabelledSet("twentyfirst");

describe("the committed dev set", () => {
  it("is the 120 labelled real messages, each with a source", () => {
    expect(dev).toHaveLength(120);
    expect(new Set(dev.map((d) => d.id)).size).toBe(120);
    for (const d of dev) expect(d.source, d.id).toMatch(/^https?:\/\//);
  });

  it("rejects a malformed line with its line number", () => {
    expect(() => parseLabelledErrors('{"id":"x","service":"adf"}\n', "bad.jsonl")).toThrow(/bad\.jsonl:1/);
  });
});

describe("stratified folds", () => {
  it("partition the set, keep every category spread over the folds, and do not depend on the run", () => {
    const folds = stratifiedFolds(dev, 10, 12);
    const ids = folds.flat().map((i) => i.id);
    expect(ids.sort()).toEqual(dev.map((d) => d.id).sort());
    for (const f of folds) expect(f.length).toBeGreaterThanOrEqual(11);
    // configuration has 40 items: 4 per fold
    for (const f of folds) expect(f.filter((i) => i.category === "configuration")).toHaveLength(4);
    expect(stratifiedFolds(dev, 10, 12).map((f) => f.map((i) => i.id))).toEqual(folds.map((f) => f.map((i) => i.id)));
  });
});

describe("unsafeReason", () => {
  it("flags a fix where the label says none, and any fix on a never-fix category", () => {
    const base = { expected: "transient", predicted: "transient", expectedRemediation: "retry_with_backoff" } as const;
    expect(unsafeReason({ ...base, remediation: "retry_with_backoff" })).toBeNull();
    expect(unsafeReason({ ...base, remediation: "none" })).toBeNull();
    expect(unsafeReason({ ...base, expectedRemediation: "none", remediation: "retry" })).toMatch(/label is none/);
    expect(unsafeReason({ ...base, expected: "configuration", remediation: "retry" })).toMatch(/on configuration/);
  });
});

describe("cross-validated accuracy on the dev set", () => {
  const cv = crossValidate(dev, 10, 12);
  const scores = score(cv);

  it(`stays at or above ${MIN_CV_ACCURACY * 100}% and never proposes an unsafe remediation`, () => {
    expect(scores.n).toBe(120);
    expect(scores.accuracy).toBeGreaterThanOrEqual(MIN_CV_ACCURACY);
    expect(scores.unsafe).toEqual([]);
  }, 60_000);

  it("has no unsafe remediation with the production model either", () => {
    expect(score(dev.map((d) => classifyItem(d))).unsafe).toEqual([]);
  });

  it("reports the rules alone separately (they were tuned while looking at this set)", () => {
    const r = rulesOnly(cv);
    expect(r.n).toBeGreaterThan(90);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.8);
    // every answer says how it was reached
    for (const item of cv) expect(["rule", "statistical", "none"]).toContain(item.method);
  });
});

/**
 * A set collected after `earlier`: `size` labelled real messages, each with a source URL, one per thread, no id, thread
 * or message opening shared with an earlier set.
 */
function expectNewSet(set: readonly LabelledError[], earlier: readonly LabelledError[], size: number) {
  expect(set).toHaveLength(size);
  expect(new Set([...earlier, ...set].map((d) => d.id)).size).toBe(earlier.length + size);
  for (const d of set) expect(d.source, d.id).toMatch(/^https?:\/\//);
  const used = new Set(earlier.map((d) => d.source));
  expect(new Set(set.map((d) => d.source)).size).toBe(size);
  expect(set.filter((d) => used.has(d.source)).map((d) => d.id)).toEqual([]);
  expect(withoutOverlap(set, earlier)).toHaveLength(size);
}

describe("the more set of real reports (collected 2026-12-04, measured before any rule looked at it)", () => {
  it("is 83 labelled real messages with a source, one per thread, none from a thread or opening of dev or extra", () => {
    expectNewSet(more, [...dev, ...extra], 83);
  });

  it(`trained on dev + extra and tested on it: at least ${MIN_MORE_CORRECT}/83, with no unsafe remediation`, () => {
    const s = score(trainTest([...dev, ...extra], more));
    expect(s.correct).toBeGreaterThanOrEqual(MIN_MORE_CORRECT);
    expect(s.unsafe.map((u) => u.id)).toEqual([]);
  }, 60_000);
});

describe("the fresh set of real reports (second collection of 2026-12-04, measured before any rule looked at it)", () => {
  it("is labelled real messages with a source, one per thread, none from a thread or opening of an earlier set", () => {
    expectNewSet(fresh, [...dev, ...extra, ...more], FRESH_SIZE);
  });

  it(`trained on the three earlier sets and tested on it: at least ${MIN_FRESH_CORRECT}/${FRESH_SIZE}, with no unsafe remediation`, () => {
    const s = score(trainTest([...dev, ...extra, ...more], fresh));
    expect(s.correct).toBeGreaterThanOrEqual(MIN_FRESH_CORRECT);
    expect(s.unsafe.map((u) => u.id)).toEqual([]);
  }, 60_000);
});

/** Every set in collection order; `before(set)`: the sets collected before it, the first-sight training data. */
const inOrder: readonly (readonly LabelledError[])[] = [
  dev,
  extra,
  more,
  fresh,
  next,
  later,
  last,
  ninth,
  tenth,
  eleventh,
  twelfth,
  thirteenth,
  fourteenth,
  fifteenth,
  sixteenth,
  seventeenth,
  eighteenth,
  nineteenth,
  twentieth,
  twentyfirst,
];
const before = (set: readonly LabelledError[]) => inOrder.slice(0, inOrder.indexOf(set)).flat();
/** "trained on the N earlier sets", in words, for the test titles */
const COUNT_WORDS = [
  ...["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
  ...["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"],
];

/**
 * A set collected after the others: its overlap controls (expectNewSet) and its first-sight floor, the fallback
 * trained on the sets before it only. `unsafe`: the ids measured first and left, each explained at the call.
 */
function describeLaterSet(
  title: string,
  set: readonly LabelledError[],
  floor: { size: number; minCorrect: number; unsafe?: string[] },
) {
  const unsafe = floor.unsafe ?? [];
  const trainedOn = `the ${COUNT_WORDS[inOrder.indexOf(set)]} earlier sets`;
  describe(title, () => {
    it("is labelled real messages with a source, one per thread, none from a thread or opening of an earlier set", () => {
      expectNewSet(set, before(set), floor.size);
    });

    const noUnsafe = unsafe.length === 0 ? ", with no unsafe remediation" : "";
    it(`trained on ${trainedOn} and tested on it: at least ${floor.minCorrect}/${floor.size}${noUnsafe}`, () => {
      const s = score(trainTest(before(set), set));
      expect(s.correct).toBeGreaterThanOrEqual(floor.minCorrect);
      expect(s.unsafe.map((u) => u.id).sort()).toEqual(unsafe);
    }, 60_000);
  });
}

// measured first with two unsafe retries: a 429 "Too many requests. Please wait a moment and try again" and a bare 503,
// retried with backoff as the services ask; their threads found a quota and an unsupported feature (BENCHMARKS.md). The
// 503 is left; the 429 gets no automatic retry since session 16's rule for fixes in doubt (MIN_FIX_PRECISION):
// throttling's retry was right 7 times in the 10 labelled reports it matched
describeLaterSet("the next set of real reports (session 6, measured before any rule looked at it)", next, {
  size: NEXT_SIZE,
  minCorrect: MIN_NEXT_CORRECT,
  unsafe: ["next-dbx-040"],
});

// measured first with two unsafe retries, both gone since session 16 (not a first-sight gain): ADF's boilerplate
// "Cannot connect to SQL Database" with a network-related SQL error (the collector's label is configuration from the
// text alone; the sql-server-unreachable class was written from it and nineteenth-adf-008), and a Fabric notebook
// refused at a capacity's Spark rate limit (labelled resource: a small capacity; withheld by session 16's rule for
// fixes in doubt, MIN_FIX_PRECISION)
describeLaterSet("the later set of real reports (session 8, measured before it was used)", later, {
  size: LATER_SIZE,
  minCorrect: MIN_LATER_CORRECT,
});

// measured first with two unsafe retries, both gone since session 16's rule for fixes in doubt (MIN_FIX_PRECISION): an
// integration runtime registration "UnexpectedFault … An error occurred while sending the request" (labelled
// configuration from the text), and a Delta ConcurrentAppendException (the thread traced it to a regression in the
// writer's code)
describeLaterSet("the last set of real reports (session 8's second collection, measured before it was used)", last, {
  size: LAST_SIZE,
  minCorrect: MIN_LAST_CORRECT,
});

describeLaterSet("the ninth set of real reports (session 9, measured before it was used)", ninth, {
  size: NINTH_SIZE,
  minCorrect: MIN_NINTH_CORRECT,
});

// measured first with an unsafe retry, gone since session 16's rule for fixes in doubt (MIN_FIX_PRECISION): Azure Data
// Explorer's "ThrottleException: Request was throttled, too many requests" retried with backoff as throttling, where
// the thread's cluster was at 100% ingestion capacity (labelled resource)
describeLaterSet("the tenth set of real reports (session 10, measured before it was used)", tenth, {
  size: TENTH_SIZE,
  minCorrect: MIN_TENTH_CORRECT,
});

describeLaterSet("the eleventh set of real reports (session 11, measured before it was used)", eleventh, {
  size: ELEVENTH_SIZE,
  minCorrect: MIN_ELEVENTH_CORRECT,
});

// measured first with an unsafe retry, gone since session 16's rule for fixes in doubt (MIN_FIX_PRECISION): a Fabric
// "Something went wrong, please try again later" retried with backoff as the message asks, where the thread found a
// product limitation that only a service fix cures (labelled platform / none)
describeLaterSet("the twelfth set of real reports (session 12, measured before it was used)", twelfth, {
  size: TWELFTH_SIZE,
  minCorrect: MIN_TWELFTH_CORRECT,
});

describeLaterSet("the thirteenth set of real reports (session 13, measured before it was used)", thirteenth, {
  size: THIRTEENTH_SIZE,
  minCorrect: MIN_THIRTEENTH_CORRECT,
});

// measured first with two unsafe retries: a Databricks KB "[DELTA_CONCURRENT_APPEND] … Please try the operation again"
// retried as the message asks (the KB's fix: stop adding partitions from parallel threads; labelled code), no retry
// since session 16's rule for fixes in doubt (MIN_FIX_PRECISION); and a Terraform download "connection forcibly closed"
// retried as a network drop (the maintainer's answer was another install path; labelled configuration), no retry since
// session 15, which reads Go's "giving up after 5 attempt(s)" as the client's own retries spent (written from that
// item: not a first-sight gain)
describeLaterSet(
  "the fourteenth set of real reports (session 13's second collection, measured before it was used)",
  fourteenth,
  { size: FOURTEENTH_SIZE, minCorrect: MIN_FOURTEENTH_CORRECT },
);

// measured first with an unsafe retry, gone since session 16's rule for fixes in doubt (MIN_FIX_PRECISION): Event Hubs'
// ServerBusy throttling retried with backoff as throttling, where the thread's namespace was at its throughput units on
// every run (labelled resource)
describeLaterSet(
  "the fifteenth set of real reports (session 13's third collection, measured before it was used)",
  fifteenth,
  { size: FIFTEENTH_SIZE, minCorrect: MIN_FIFTEENTH_CORRECT },
);

// measured first, and left: Cosmos DB's "Request rate is large" is retried with backoff as throttling (the page's
// fix is more provisioned throughput: labelled resource; its class has matched one labelled report, too few for the
// rule for fixes in doubt). Measured first with a second: a "GC overhead limit exceeded" got a proposal to scale the
// cluster up (the thread's memory ran out in the local Databricks Connect JVM, where a bigger cluster does not help:
// labelled resource / none), none since session 16's rule for fixes in doubt (MIN_FIX_PRECISION)
describeLaterSet("the sixteenth set of real reports (session 14, measured before it was used)", sixteenth, {
  size: SIXTEENTH_SIZE,
  minCorrect: MIN_SIXTEENTH_CORRECT,
  unsafe: ["sixteenth-adf-034"],
});

// measured first with two unsafe retries, both gone since session 16's rule for fixes in doubt (MIN_FIX_PRECISION): a
// bare "javax.net.ssl.SSLException: Connection reset" and a urllib3 "Connection reset by peer" retried with backoff as
// network drops, where the troubleshooting pages they come from trace them to a JVM TLS setting and a firewall
// allow-list (labelled configuration)
describeLaterSet(
  "the seventeenth set of real reports (session 14's second collection, measured before it was used)",
  seventeenth,
  { size: SEVENTEENTH_SIZE, minCorrect: MIN_SEVENTEENTH_CORRECT },
);

// measured first with an unsafe retry, gone since session 16's rule for fixes in doubt (MIN_FIX_PRECISION): a blog's
// "[DELTA_CONCURRENT_APPEND] … Please try the operation again" retried as the message asks, where the author's fix was
// to partition the writes of parallel for-each tasks (labelled code), the same split as the fourteenth set's KB item
describeLaterSet("the eighteenth set of real reports (session 15, measured before it was used)", eighteenth, {
  size: EIGHTEENTH_SIZE,
  minCorrect: MIN_EIGHTEENTH_CORRECT,
});

// measured first, and left: the CLI's "Could not reach driver of cluster" gets a repair run where the cluster's
// custom container image had no Python runtime (labelled configuration). Measured first with a second: a Fabric
// known issue's "A network-related or instance-specific error occurred while establishing a connection to SQL
// Server", retried as a dropped connection where the gateway's firewall blocked port 1433 (labelled configuration);
// no retry since session 16's sql-server-unreachable class, written from it (not a first-sight gain)
describeLaterSet(
  "the nineteenth set of real reports (session 15's second collection, measured before it was used)",
  nineteenth,
  {
    size: NINETEENTH_SIZE,
    minCorrect: MIN_NINETEENTH_CORRECT,
    unsafe: ["nineteenth-dbx-427"],
  },
);

// measured first with ten unsafe answers, nine of them gone since session 16's rule for fixes in doubt (the idea came
// from this measurement; the classes it withholds are the same on the nineteen earlier sets alone: BENCHMARKS.md).
// The tenth, an S3 "503 Slow Down" retried as a server error where the fix was fewer parallel writers (labelled
// configuration), is read as S3's throttling since session 16 (the class already listed S3's SlowDown error code;
// the wording was written from this item: not a first-sight gain)
describeLaterSet(
  "the twentieth set of real reports (session 16, four readers on the families of unsafe retries, measured before it was used)",
  twentieth,
  { size: TWENTIETH_SIZE, minCorrect: MIN_TWENTIETH_CORRECT },
);

// measured first, and left: a cluster creation refused with REQUEST_LIMIT_EXCEEDED ("Your request was rejected due to
// API rate limit. Please retry your request later") is retried with backoff as the message asks, where the knowledge
// base article it comes from has Databricks support raise the cluster manager's request limits (labelled resource).
// Databricks API throttling's retry is right 4 times in the 5 labelled reports it matched, still above the rule for
// fixes in doubt (MIN_FIX_PRECISION)
describeLaterSet(
  "the twenty-first set of real reports (session 17, four readers on an ordinary on-call mix, measured before it was used)",
  twentyfirst,
  { size: TWENTYFIRST_SIZE, minCorrect: MIN_TWENTYFIRST_CORRECT, unsafe: ["twentyfirst-dbx-029"] },
);

describe("the extra set of real reports (collected after the rules were written)", () => {
  it("is 60 labelled real messages with a source, none opening like a dev item", () => {
    expect(extra).toHaveLength(60);
    expect(new Set([...dev, ...extra].map((d) => d.id)).size).toBe(180);
    for (const d of extra) expect(d.source, d.id).toMatch(/^https?:\/\//);
    expect(withoutOverlap(extra, dev)).toHaveLength(60);
  });

  const everySet =
    263 +
    FRESH_SIZE +
    NEXT_SIZE +
    LATER_SIZE +
    LAST_SIZE +
    NINTH_SIZE +
    TENTH_SIZE +
    ELEVENTH_SIZE +
    TWELFTH_SIZE +
    THIRTEENTH_SIZE +
    FOURTEENTH_SIZE +
    FIFTEENTH_SIZE +
    SIXTEENTH_SIZE +
    SEVENTEENTH_SIZE +
    EIGHTEENTH_SIZE +
    NINETEENTH_SIZE +
    TWENTIETH_SIZE +
    TWENTYFIRST_SIZE;
  it(`combined 10-fold CV of every set stays at or above ${MIN_COMBINED_CORRECT}/${everySet}`, () => {
    const cv = crossValidate(inOrder.flat(), 10, 12);
    const s = score(cv);
    expect(s.n).toBe(everySet);
    expect(s.correct).toBeGreaterThanOrEqual(MIN_COMBINED_CORRECT);
    // the next set's bare 503, the sixteenth's Cosmos DB throttling, the nineteenth's unreachable driver and the
    // twenty-first's cluster manager request limit (see above), and no other
    expect(s.unsafe.map((u) => u.id).sort()).toEqual([
      "next-dbx-040",
      "nineteenth-dbx-427",
      "sixteenth-adf-034",
      "twentyfirst-dbx-029",
    ]);
    const extraIds = new Set(extra.map((e) => e.id));
    expect(score(cv.filter((r) => extraIds.has(r.id))).correct).toBeGreaterThanOrEqual(MIN_EXTRA_CORRECT);
  }, 180_000);

  it("leave-one-source-out (fallback trained on dev only) keeps its figure and is safe", () => {
    const s = score(trainTest(dev, extra));
    // 44/60 until session 14's fallback training, 48/60 since; 47/60 since session 16's SQL class, whose example
    // moves the fallback's answer on one item labelled unknown (extra-adf-026: schema_data at probability 0.28)
    expect(s.correct).toBeGreaterThanOrEqual(47);
    expect(s.unsafe).toEqual([]);
  }, 60_000);

  it("drops a training item whose message opens like an evaluated one (hold-out overlap control)", () => {
    const copy = { ...extra[0]!, id: "hidden-1" };
    expect(withoutOverlap(extra, [copy]).map((i) => i.id)).not.toContain(extra[0]!.id);
  });
});
