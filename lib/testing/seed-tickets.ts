// Tickets written straight into the database with chosen times, for tests of
// what reads them (metrics, the list's filters and sorts); intake's own tests
// post real webhooks instead.
import type { PrismaClient } from "../generated/prisma/client";
import { newId } from "../ids";

export interface Seed {
  at: Date;
  source?: string;
  resourceName?: string;
  /** seconds from failure to ticket */
  detectS?: number;
  ackS?: number;
  /** seconds from failure to resolution */
  resolveS?: number;
  category?: string;
  tags?: Record<string, string>;
  duplicates?: number;
  recurrences?: number;
  severity?: string;
}

/** A ticket (and its RCA) written directly, at a chosen time, with chosen response times. */
export async function seedTicketRow(prisma: PrismaClient, s: Seed): Promise<string> {
  const id = newId(s.at.getTime());
  const occurredAt = s.detectS === undefined ? null : new Date(s.at.getTime() - s.detectS * 1000);
  const start = occurredAt ?? s.at;
  await prisma.ticket.create({
    data: {
      id,
      source: s.source ?? "databricks",
      resourceType: "job",
      resourceName: s.resourceName ?? `job-${id.slice(-6)}`,
      title: "failed",
      errorMessage: "boom",
      severity: s.severity ?? "high",
      status: s.resolveS !== undefined ? "resolved" : "open",
      occurredAt,
      detectedAt: s.at,
      createdAt: s.at,
      lastSeenAt: s.at,
      acknowledgedAt: s.ackS === undefined ? null : new Date(s.at.getTime() + s.ackS * 1000),
      resolvedAt: s.resolveS === undefined ? null : new Date(start.getTime() + s.resolveS * 1000),
      dedupKey: id,
      duplicateCount: s.duplicates ?? 0,
      recurrenceCount: s.recurrences ?? 0,
      tags: s.tags ?? {},
    },
  });
  if (s.category) {
    await prisma.rca.create({
      data: {
        id: newId(s.at.getTime()),
        ticketId: id,
        version: 1,
        provider: "rules",
        category: s.category,
        rootCause: "x",
        remediation: "none",
        confidence: 0.8,
        errorSignature: "sig",
      },
    });
  }
  return id;
}
