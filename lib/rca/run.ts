// One RCA run for a ticket: rules engine always; Gemini on top when
// configured (its answer merged under code-level safety rules, falling back
// to the rules result with the reason when it fails). Each run is stored as a
// new version; nothing is overwritten.
import { mapLimit, settle } from "../concurrency";
import { asRecord } from "../json";
import type { Db } from "../db";
import type { Prisma, Ticket, RunDetail } from "../generated/prisma/client";
import { newId } from "../ids";
import { getSource } from "../sources/registry";
import type { Logger } from "../logger";
import { analyzeWithGemini, geminiProvider } from "./gemini";
import { hintFrom, mergeWithRules } from "./merge";
import { classifyFailure } from "./classify";
import { findSimilar, similarIdsMany } from "./similar";
import { indexTicketText } from "../tickets/search-index";
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

/**
 * Store RCA records as each ticket's next version, with their audit entries and any severity the verdict raises,
 * in one transaction (a batch of tickets, or one). Two runs for one ticket that race for a version number: the
 * loser takes the next.
 */
async function storeVersions(db: Db, items: readonly { ticketId: string; record: RcaRecord }[]): Promise<number[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const ids = [...new Set(items.map((i) => i.ticketId))];
        const last = await tx.rca.groupBy({
          by: ["ticketId"],
          where: { ticketId: { in: ids } },
          _max: { version: true },
        });
        const latest = new Map(last.map((l) => [l.ticketId, l._max.version ?? 0]));
        const versions = items.map((i) => {
          const v = (latest.get(i.ticketId) ?? 0) + 1;
          latest.set(i.ticketId, v);
          return v;
        });
        await tx.rca.createMany({
          data: items.map(({ ticketId, record: r }, k) => ({
            id: newId(),
            ticketId,
            version: versions[k]!,
            ...r,
            evidence: r.evidence as Prisma.InputJsonValue,
            recommendations: r.recommendations as Prisma.InputJsonValue,
          })),
        });
        const audit: Prisma.AuditLogCreateManyInput[] = items.map(({ ticketId, record: r }, k) => ({
          id: newId(),
          ticketId,
          actor: "rca",
          action: "RCA completed",
          details: {
            version: versions[k]!,
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
        }));
        // the RCA's verdict raises (never lowers) the alert's severity; the ticket's timeline says why
        const current = new Map(
          (await tx.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, severity: true } })).map((t) => [
            t.id,
            t.severity,
          ]),
        );
        const raisedTo = new Map<string, string>();
        for (const { ticketId, record } of items) {
          const from = current.get(ticketId);
          if (from === undefined) continue;
          const raised = severityAfterRca(from, record.category as RcaCategory, record.method);
          if (!raised.reason) continue;
          current.set(ticketId, raised.severity);
          raisedTo.set(ticketId, raised.severity);
          audit.push({
            id: newId(),
            ticketId,
            actor: "rca",
            action: "severity raised",
            details: { from, to: raised.severity, why: raised.reason },
          });
        }
        for (const severity of new Set(raisedTo.values())) {
          const these = [...raisedTo].filter(([, s]) => s === severity).map(([id]) => id);
          await tx.ticket.updateMany({ where: { id: { in: these } }, data: { severity } });
        }
        await tx.auditLog.createMany({ data: audit });
        // the text is final once enrichment has run: make it searchable, here rather than at intake
        await indexTicketText(tx, ids);
        return versions;
      });
    } catch (err) {
      if (attempt < 3 && /Unique constraint|unique/i.test(String((err as Error).message))) continue;
      throw err;
    }
  }
}

/** The rules' analysis as the record stored (no LLM, or the LLM failed and `fallbackReason` says why). */
function rulesRecord(
  rules: ReturnType<typeof classifyFailure>,
  similarIds: string[],
  started: number,
  fallbackReason: string | null,
): RcaRecord {
  return {
    ...pick(rules),
    errorSignature: rules.errorSignature,
    similarTicketIds: similarIds,
    provider: "rules",
    model: null,
    method: rules.method,
    matchedClassId: rules.matchedClassId,
    latencyMs: Date.now() - started,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    fallbackReason,
  };
}

type RcaRun = { version: number; record: RcaRecord };

/**
 * The RCA of a batch of tickets (the pipeline's rca step): without Gemini, one read of their run details, one
 * lookup of similar tickets and one transaction for all; with Gemini, each ticket on its own (the model's calls
 * dominate), `parallel` at a time. One result per ticket, in order, each settled on its own.
 */
export async function runRcaMany(
  db: Db,
  tickets: readonly Ticket[],
  log: Logger,
  parallel: number,
): Promise<PromiseSettledResult<RcaRun | null>[]> {
  if (geminiProvider()) return mapLimit(tickets, parallel, (t) => settle(runRca(db, t.id, log)));
  const started = Date.now();
  const details = await db.runDetail.findMany({
    where: { ticketId: { in: tickets.map((t) => t.id) } },
    orderBy: { key: "asc" },
  });
  const analysed = tickets.map((t) => {
    const input = rcaInputFor(
      t,
      details.filter((d) => d.ticketId === t.id),
    );
    return { ticket: t, rules: classifyFailure(input) };
  });
  const similar = await similarIdsMany(
    db,
    analysed.map((a) => ({ ticketId: a.ticket.id, signature: a.rules.errorSignature })),
  );
  const items = analysed.map((a, k) => ({
    ticketId: a.ticket.id,
    record: rulesRecord(a.rules, similar[k]!, started, null),
  }));
  try {
    const versions = await storeVersions(db, items);
    return items.map((item, k) => ({ status: "fulfilled", value: { version: versions[k]!, record: item.record } }));
  } catch {
    // one ticket the batch could not store (e.g. deleted meanwhile): store each alone, so only it retries
    return Promise.all(
      items.map((item) =>
        settle(storeVersions(db, [item]).then(([version]) => ({ version: version!, record: item.record }))),
      ),
    );
  }
}

export async function runRca(db: Db, ticketId: string, log: Logger): Promise<RcaRun | null> {
  const t = await db.ticket.findUnique({ where: { id: ticketId }, include: { details: { orderBy: { key: "asc" } } } });
  if (!t) return null;
  const started = Date.now();
  const input = rcaInputFor(t, t.details);
  // rules first; the statistical fallback only when no class recognised the error (never an automatic fix)
  const rules = classifyFailure(input);
  const similar = await findSimilar(db, t, rules.errorSignature);
  const base = { errorSignature: rules.errorSignature, similarTicketIds: similar.ids };
  const fromRules = (fallbackReason: string | null) => rulesRecord(rules, similar.ids, started, fallbackReason);

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
  const [version] = await storeVersions(db, [{ ticketId, record: result }]);
  return { version: version!, record: result };
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
