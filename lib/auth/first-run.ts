// The first admin, so that two commands still give a working install:
// RCA_ADMIN_EMAIL + RCA_ADMIN_PASSWORD create it at start; otherwise, while no
// user exists, each start prints a one-time link (valid one hour) to a page
// that creates it. The link's token is stored as a hash.
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { auditAccount } from "./audit";
import { hashPassword } from "./passwords";
import { newSecret, sha256 } from "./secrets";
import { emailSchema, passwordSchema } from "./users";

const IDENTIFIER = "first-admin-setup";
const VALID_MS = 3600_000;

export const firstAdminBody = z.object({
  token: z.string().min(1).max(200),
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
  password: passwordSchema,
});

export type FirstRun =
  { kind: "created-from-env"; email: string } | { kind: "setup-link"; url: string } | { kind: "ready" };

/** At start: create the admin from the environment, or hand out a setup link while nobody can sign in. */
export async function prepareFirstAdmin(baseUrl: string): Promise<FirstRun> {
  const e = env();
  if (e.RCA_ADMIN_EMAIL && e.RCA_ADMIN_PASSWORD) {
    const email = emailSchema.parse(e.RCA_ADMIN_EMAIL);
    const exists = await db().user.findUnique({ where: { email }, select: { id: true } });
    if (!exists) {
      await db().user.create({
        data: { email, role: "admin", passwordHash: await hashPassword(e.RCA_ADMIN_PASSWORD) },
      });
      await auditAccount("system", "user created", { email, role: "admin", from: "RCA_ADMIN_EMAIL" });
      return { kind: "created-from-env", email };
    }
  }
  if ((await db().user.count()) > 0) return { kind: "ready" };
  const token = newSecret();
  await db().$transaction([
    // only the newest link works
    db().verificationToken.deleteMany({ where: { identifier: IDENTIFIER } }),
    db().verificationToken.create({
      data: { identifier: IDENTIFIER, token: sha256(token), expires: new Date(Date.now() + VALID_MS) },
    }),
  ]);
  return { kind: "setup-link", url: `${baseUrl.replace(/\/$/, "")}/setup-admin?token=${token}` };
}

/** Whether a setup link's token is still good (the page says so before asking for a password). */
export async function setupTokenValid(token: string): Promise<boolean> {
  const row = await db().verificationToken.findUnique({
    where: { identifier_token: { identifier: IDENTIFIER, token: sha256(token) } },
  });
  return !!row && row.expires.getTime() > Date.now() && (await db().user.count()) === 0;
}

/** Creates the first admin with a setup link's token; the token is used up. */
export async function createFirstAdmin(body: z.infer<typeof firstAdminBody>): Promise<{ id: string; email: string }> {
  const passwordHash = await hashPassword(body.password);
  const user = await db().$transaction(async (tx) => {
    const used = await tx.verificationToken.deleteMany({
      where: { identifier: IDENTIFIER, token: sha256(body.token), expires: { gt: new Date() } },
    });
    if (used.count !== 1)
      throw new AppError("forbidden", "This setup link is expired or used: restart the server for a new one");
    if ((await tx.user.count()) > 0) throw new AppError("conflict", "An admin exists already: sign in instead");
    await tx.verificationToken.deleteMany({ where: { identifier: IDENTIFIER } });
    return tx.user.create({
      data: { email: body.email, name: body.name || null, role: "admin", passwordHash },
      select: { id: true, email: true },
    });
  });
  await auditAccount("system", "user created", { email: user.email, role: "admin", from: "setup link" });
  return user;
}
