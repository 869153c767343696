// Named API tokens for scripts and CI: created by an admin with a role and an
// optional expiry, shown once, stored as a SHA-256 hash, revocable.
import { z } from "zod";
import type { ApiTokenJson } from "../api/schemas";
import { db } from "../db";
import { AppError } from "../errors";
import { asRole, roleSchema, type Role } from "./roles";
import { newSecret, sha256 } from "./secrets";

export const TOKEN_PREFIX = "rcad_";

export const createTokenBody = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[\w .@-]+$/, "letters, digits, spaces and . _ @ - only"),
  role: roleSchema,
  /** days until it stops working; omitted = no expiry */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export type ApiTokenView = ApiTokenJson;

type Row = Awaited<ReturnType<ReturnType<typeof db>["apiToken"]["findFirstOrThrow"]>>;

function view(t: Row, now = Date.now()): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    role: asRole(t.role),
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    state: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt.getTime() <= now ? "expired" : "active",
  };
}

export async function listTokens(): Promise<ApiTokenView[]> {
  const rows = await db().apiToken.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map((r) => view(r));
}

/** A new token; `value` is returned here and never again. */
export async function createToken(
  body: z.infer<typeof createTokenBody>,
  createdBy: string,
): Promise<ApiTokenView & { value: string }> {
  const value = newSecret(TOKEN_PREFIX);
  const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
  try {
    const row = await db().apiToken.create({
      data: {
        name: body.name,
        role: body.role,
        tokenHash: sha256(value),
        prefix: value.slice(0, TOKEN_PREFIX.length + 4),
        createdBy,
        expiresAt,
      },
    });
    return { ...view(row), value };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("conflict", `A token named "${body.name}" exists already`);
    throw err;
  }
}

export async function revokeToken(id: string): Promise<ApiTokenView> {
  const row = await db().apiToken.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such token");
  const updated = row.revokedAt ? row : await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return view(updated);
}

// lastUsedAt is a hint for admins cleaning up, not a log: written at most once a minute per token
const lastWritten = new Map<string, number>();

/** The live token a bearer value names, or null (unknown, expired or revoked). */
export async function tokenByValue(value: string): Promise<{ id: string; name: string; role: Role } | null> {
  if (!value.startsWith(TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findUnique({ where: { tokenHash: sha256(value) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  const now = Date.now();
  if ((lastWritten.get(row.id) ?? 0) < now - 60_000) {
    lastWritten.set(row.id, now);
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { id: row.id, name: row.name, role: asRole(row.role) };
}
