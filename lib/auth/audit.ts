// Account changes (sign-ins, users, tokens) in the audit trail, beside ticket actions.
import { db } from "../db";
import { newId } from "../ids";

export async function auditAccount(actor: string, action: string, details: Record<string, string | null>) {
  await db().auditLog.create({ data: { id: newId(), ticketId: null, actor, action, details } });
}
