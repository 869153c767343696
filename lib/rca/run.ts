// One RCA run for a ticket: rules engine always; Gemini on top when
// configured (its answer merged under code-level safety rules, falling back
// to the rules result with the reason when it fails). Each run is stored as a
// new version; nothing is overwritten.
import { asRecord } from "../json";
import type { Db } from "../db";
import type { Prisma, Ticket, RunDetail } from "../generated/prisma/client";
import { newId } from "../ids";
import { getSource } from "../sources/registry";
import type { Logger } from "../logger";
import { analyzeWithGemini, geminiProvider } from "./gemini";
import { hintFrom, mergeWithRules } from "./merge";
import { classifyFailure } from "./classify";
import { findSimilar } from "./similar";
import { severityAfterRca } from "./severity";
import type { RcaAnalysis, RcaCategory, RcaInput, RcaRecord } from "./types";

export function rcaInputFor(t: Ticket, details: RunDetail[]): RcaInput {
  return {
    source: t.source,
    resourceType: t.resourceType,
    resourceName: t.resourceName,
    errorCode: t.errorCode,
    errorMessage: t.errorMessage,
    errorTrace: t.errorTrace,
    failureType: t.failureType,
    details: details.map((d) => ({
      kind: d.kind,
      name: d.name,
      status: d.status,
      errorCode: d.errorCode,
      errorMessage: d.errorMessage,
      errorTrace: d.errorTrace,
    })),
    // errorSource lets the rules engine tell a fallback sentence from real error text
    metadata: { ...asRecord(t.metadata), errorSource: t.errorSource, enrichment: t.enrichment ?? null },
    runHelp: getSource(t.source)?.runHelp,
  };
}

async function storeVersion(db: Db, ticketId: string, r: RcaRecord): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.rca.findFirst({
          where: { ticketId },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        const version = (last?.version ?? 0) + 1;
        await tx.rca.create({
          data: {
            id: newId(),
            ticketId,
            version,
            ...r,
            evidence: r.evidence as Prisma.InputJsonValue,
            recommendations: r.recommendations as Prisma.InputJsonValue,
          },
        });
        await tx.auditLog.create({
          data: {
            id: newId(),
            ticketId,
            actor: "rca",
            action: "RCA completed",
            details: {
              version,
              provider: r.provider,
              model: r.model,
              method: r.method,
              matchedClassId: r.matchedClassId,
              category: r.category,
              remediation: r.remediation,
              confidence: r.confidence,
              latencyMs: r.latencyMs,
              fallbackReason: r.fallbackReason,
            },
          },
        });
        // the RCA's verdict raises (never lowers) the alert's severity; the ticket's timeline says why
        const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { severity: true } });
        const raised = severityAfterRca(ticket.severity, r.category as RcaCategory);
        if (raised.reason) {
          await tx.ticket.update({ where: { id: ticketId }, data: { severity: raised.severity } });
          await tx.auditLog.create({
            data: {
              id: newId(),
              ticketId,
              actor: "rca",
              action: "severity raised",
              details: { from: ticket.severity, to: raised.severity, why: raised.reason },
            },
          });
        }
        return version;
      });
    } catch (err) {
      // Two runs for one ticket raced for the same version number: take the next.
      if (attempt < 3 && /Unique constraint|unique/i.test(String((err as Error).message))) continue;
      throw err;
    }
  }
}

export async function runRca(
  db: Db,
  ticketId: string,
  log: Logger,
): Promise<{ version: number; record: RcaRecord } | null> {
  const t = await db.ticket.findUnique({ where: { id: ticketId }, include: { details: { orderBy: { key: "asc" } } } });
  if (!t) return null;
  const started = Date.now();
  const input = rcaInputFor(t, t.details);
  // rules first; the statistical fallback only when no class recognised the error (never an automatic fix)
  const rules = classifyFailure(input);
  const similar = await findSimilar(db, t, rules.errorSignature);
  const base = { errorSignature: rules.errorSignature, similarTicketIds: similar.ids };
  const fromRules = (fallbackReason: string | null): RcaRecord => ({
    ...pick(rules),
    ...base,
    provider: "rules",
    model: null,
    method: rules.method,
    matchedClassId: rules.matchedClassId,
    latencyMs: Date.now() - started,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    fallbackReason,
  });

  const provider = geminiProvider();
  let result: RcaRecord;
  if (!provider) {
    result = fromRules(null);
  } else {
    const answer = await analyzeWithGemini(
      db,
      provider,
      rules.errorSignature,
      input,
      hintFrom(rules),
      similar.resolved,
    );
    if (!answer.ok) {
      log.warn("Gemini RCA unavailable; using the rules result", { reason: answer.reason });
      result = fromRules(answer.reason);
    } else {
      const merged = mergeWithRules(answer.analysis, rules, input);
      const notes = [...answer.overrides, ...merged.notes];
      result = {
        ...merged.analysis,
        ...base,
        provider: "gemini",
        model: answer.modelVersion ?? answer.model,
        method: "gemini",
        matchedClassId: rules.matchedClassId,
        latencyMs: Date.now() - started,
        inputTokens: answer.inputTokens,
        outputTokens: answer.outputTokens,
        costUsd: answer.costUsd,
        // not a fallback: the code-level safety decisions applied to the model's answer
        fallbackReason: notes.length ? `adjusted: ${notes.join("; ")}` : null,
      };
    }
  }
  const version = await storeVersion(db, ticketId, result);
  return { version, record: result };
}

function pick(a: RcaAnalysis): RcaAnalysis {
  return {
    category: a.category,
    rootCause: a.rootCause,
    evidence: a.evidence,
    recommendations: a.recommendations,
    remediation: a.remediation,
    confidence: a.confidence,
  };
}
