// A small text classifier: TF-IDF features and multinomial logistic regression, trained by full-batch gradient
// descent with momentum from zero weights. Deterministic (same documents in the same order → same model), no
// dependencies.
import { terms } from "./tokenize";

export interface TrainingDoc {
  text: string;
  label: string;
}

export interface Prediction {
  label: string;
  probability: number;
  /** every label's probability, best first */
  ranking: { label: string; probability: number }[];
  /** how many of the text's terms the model knows: 0 means the answer is the prior alone */
  knownTerms: number;
}

export interface TrainOptions {
  /** gradient steps over the whole set */
  epochs?: number;
  learningRate?: number;
  /** L2 penalty on the weights */
  l2?: number;
  /** terms seen in fewer documents are dropped */
  minDocFreq?: number;
  /**
   * Heavy-ball momentum: each step keeps this share of the previous one. Plain gradient descent stopped 300 epochs
   * short of the optimum; momentum reaches it at the same cost (BENCHMARKS.md, session 14: +6 under CV, +7 of 150 on
   * the six newest sets trained on the sets before them).
   */
  momentum?: number;
}

type SparseVector = { index: Int32Array; value: Float64Array };

export interface TextClassifier {
  labels: readonly string[];
  vocabularySize: number;
  predict(text: string): Prediction;
  /** The learned parameters, rounded, as plain JSON (what model.generated.json holds). */
  toData(): ModelData;
}

/** A trained model as plain data: loading it costs milliseconds where training costs a second. */
export interface ModelData {
  labels: string[];
  terms: string[];
  idf: number[];
  /** weights[i * labels.length + k]: term i, label k */
  weights: number[];
  bias: number[];
}

/** Six significant digits: enough for identical predictions, small enough to commit, stable across runs. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Sub-linear TF × IDF, L2-normalised, over the known vocabulary. */
function vectorize(counts: Map<string, number>, vocab: Map<string, number>, idf: Float64Array): SparseVector {
  const pairs: [number, number][] = [];
  for (const [t, c] of counts) {
    const i = vocab.get(t);
    if (i !== undefined) pairs.push([i, (1 + Math.log(c)) * idf[i]!]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(pairs.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return { index: Int32Array.from(pairs.map((p) => p[0])), value: Float64Array.from(pairs.map((p) => p[1] / norm)) };
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += out[k] = Math.exp(scores[k]! - max);
  for (let k = 0; k < scores.length; k++) out[k]! /= sum;
  return out;
}

export function trainClassifier(docs: readonly TrainingDoc[], options: TrainOptions = {}): TextClassifier {
  const { epochs = 300, learningRate = 20, l2 = 1e-5, minDocFreq = 2, momentum = 0.9 } = options;
  if (docs.length === 0) throw new Error("trainClassifier: no training documents");
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const K = labels.length;
  const counts = docs.map((d) => termCounts(d.text));

  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minDocFreq) vocab.set(t, vocab.size);
  const V = vocab.size;
  const idf = new Float64Array(V);
  for (const [t, i] of vocab) idf[i] = Math.log((docs.length + 1) / ((df.get(t) ?? 0) + 1)) + 1;

  const X = counts.map((c) => vectorize(c, vocab, idf));
  const y = docs.map((d) => labels.indexOf(d.label));
  // Balanced class weights: configuration is a third of the data and must not swallow the small categories.
  const perLabel = labels.map((_, k) => y.filter((v) => v === k).length);
  const sampleWeight = y.map((k) => docs.length / (K * perLabel[k]!));

  const W = new Float64Array(V * K); // W[i * K + k]
  const b = new Float64Array(K);
  const gradW = new Float64Array(V * K);
  const gradB = new Float64Array(K);
  const velW = new Float64Array(V * K);
  const velB = new Float64Array(K);
  const scores = new Float64Array(K);
  const n = docs.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradW.fill(0);
    gradB.fill(0);
    for (let d = 0; d < n; d++) {
      const x = X[d]!;
      scores.set(b);
      for (let j = 0; j < x.index.length; j++) {
        const base = x.index[j]! * K;
        const v = x.value[j]!;
        for (let k = 0; k < K; k++) scores[k]! += W[base + k]! * v;
      }
      const p = softmax(scores);
      const w = sampleWeight[d]!;
      for (let k = 0; k < K; k++) {
        const g = w * (p[k]! - (k === y[d] ? 1 : 0));
        gradB[k]! += g;
        for (let j = 0; j < x.index.length; j++) gradW[x.index[j]! * K + k]! += g * x.value[j]!;
      }
    }
    for (let i = 0; i < W.length; i++) {
      velW[i] = momentum * velW[i]! + learningRate * (gradW[i]! / n + l2 * W[i]!);
      W[i]! -= velW[i]!;
    }
    for (let k = 0; k < K; k++) {
      velB[k] = momentum * velB[k]! + learningRate * (gradB[k]! / n);
      b[k]! -= velB[k]!;
    }
  }

  return fromParameters(labels, vocab, Array.from(idf, round), Array.from(W, round), Array.from(b, round));
}

/** A classifier from saved parameters (see ModelData). */
export function classifierFromData(data: ModelData): TextClassifier {
  const vocab = new Map(data.terms.map((t, i) => [t, i]));
  return fromParameters(data.labels, vocab, data.idf, data.weights, data.bias);
}

function fromParameters(
  labels: readonly string[],
  vocab: Map<string, number>,
  idfValues: readonly number[],
  weights: readonly number[],
  bias: readonly number[],
): TextClassifier {
  const K = labels.length;
  const idf = Float64Array.from(idfValues);
  const W = Float64Array.from(weights);
  const b = Float64Array.from(bias);
  return {
    labels,
    vocabularySize: vocab.size,
    predict(text: string): Prediction {
      const x = vectorize(termCounts(text), vocab, idf);
      const s = Float64Array.from(b);
      for (let j = 0; j < x.index.length; j++) {
        const base = x.index[j]! * K;
        for (let k = 0; k < K; k++) s[k]! += W[base + k]! * x.value[j]!;
      }
      const p = softmax(s);
      const ranking = labels
        .map((label, k) => ({ label, probability: p[k]! }))
        .sort((a, c) => c.probability - a.probability || (a.label < c.label ? -1 : 1));
      return { label: ranking[0]!.label, probability: ranking[0]!.probability, ranking, knownTerms: x.index.length };
    },
    toData(): ModelData {
      return { labels: [...labels], terms: [...vocab.keys()], idf: [...idf], weights: [...W], bias: [...b] };
    },
  };
}
