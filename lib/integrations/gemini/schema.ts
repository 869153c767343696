// Wire shapes for Gemini: the structured-output schema we ask for (derived from
// rcaAnalysisSchema so the two cannot drift), the error body, the answer parser.
import { Type, type Schema } from "@google/genai";
import { z } from "zod";
import { RCA_CATEGORIES, REMEDIATIONS, rcaAnalysisSchema, type RcaAnalysis } from "../../rca/types";

/** responseSchema (OpenAPI subset) mirroring rcaAnalysisSchema; evidence first so the model grounds before it classifies. */
export const RCA_RESPONSE_SCHEMA: Schema = {
  type: Type.OBJECT,
  properties: {
    evidence: {
      type: Type.ARRAY,
      items: { type: Type.STRING },
      maxItems: "6",
      description: "lines quoted verbatim from the failure data",
    },
    rootCause: { type: Type.STRING, description: "2-4 sentences" },
    category: { type: Type.STRING, format: "enum", enum: [...RCA_CATEGORIES] },
    recommendations: {
      type: Type.ARRAY,
      items: { type: Type.STRING },
      maxItems: "6",
      description: "ordered, concrete steps",
    },
    remediation: { type: Type.STRING, format: "enum", enum: [...REMEDIATIONS] },
    confidence: { type: Type.NUMBER, minimum: 0, maximum: 1 },
  },
  required: ["evidence", "rootCause", "category", "recommendations", "remediation", "confidence"],
  propertyOrdering: ["evidence", "rootCause", "category", "recommendations", "remediation", "confidence"],
};

/** `{"error": {...}}` as the API sends it; the SDK puts this JSON in ApiError.message. */
export const geminiErrorBodySchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.object({ "@type": z.string().optional(), reason: z.string().optional() }).loose()).optional(),
  }),
});
export type GeminiErrorBody = z.infer<typeof geminiErrorBodySchema>;

export const INVALID_ANSWER = "Gemini answer was not valid JSON for the RCA schema";

/** The model's text → a validated RcaAnalysis, or a short reason. */
export function parseRcaAnswer(text: string): { ok: true; analysis: RcaAnalysis } | { ok: false; reason: string } {
  // responseMimeType should prevent Markdown fences; strip them anyway, they carry no meaning.
  const body = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: INVALID_ANSWER };
  }
  const parsed = rcaAnalysisSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${INVALID_ANSWER} (${issue.path.join(".") || "root"}: ${issue.code})` };
  }
  return { ok: true, analysis: parsed.data };
}
