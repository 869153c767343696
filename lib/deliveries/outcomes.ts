// A delivery's outcome as the delivery log names it, and how each name maps
// onto what AlertEvent stores (400 and 422 share the stored "rejected").
import type { Prisma } from "../generated/prisma/client";

export const DELIVERY_OUTCOMES = [
  "accepted",
  "duplicate",
  "resolved",
  "ignored",
  "invalid_json",
  "unsupported",
  "unauthorized",
  "too_large",
] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const WHERE: Record<DeliveryOutcome, Prisma.AlertEventWhereInput> = {
  accepted: { outcome: "accepted" },
  duplicate: { outcome: "duplicate_ignored" },
  resolved: { outcome: "resolved" },
  ignored: { outcome: "ignored" },
  invalid_json: { outcome: "rejected", httpStatus: 400 },
  unsupported: { outcome: "rejected", httpStatus: { not: 400 } },
  unauthorized: { outcome: "unauthorized" },
  too_large: { outcome: "too_large" },
};

export function outcomeWhere(outcomes: readonly DeliveryOutcome[]): Prisma.AlertEventWhereInput {
  return { OR: outcomes.map((o) => WHERE[o]) };
}

export function deliveryOutcome(stored: string, httpStatus: number): DeliveryOutcome | string {
  if (stored === "duplicate_ignored") return "duplicate";
  if (stored === "rejected") return httpStatus === 400 ? "invalid_json" : "unsupported";
  return stored;
}
