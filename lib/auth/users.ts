// Local accounts and roles, managed by admins on the Users page.
import { z } from "zod";
import type { UserJson } from "../api/schemas";
import { db } from "../db";
import { AppError } from "../errors";
import { auditAccount } from "./audit";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";
import { asRole, roleSchema } from "./roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, "expected an e-mail address");
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);

export const createUserBody = z.object({
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
  password: passwordSchema,
  role: roleSchema,
});

export const updateUserBody = z
  .object({ role: roleSchema, disabled: z.boolean(), password: passwordSchema })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "nothing to change");

export type UserView = UserJson;

const SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  passwordHash: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

function view(u: {
  id: string;
  email: string;
  name: string | null;
  role: string;
  disabled: boolean;
  passwordHash: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: asRole(u.role),
    disabled: u.disabled,
    signIn: u.passwordHash ? "local" : "entra-id",
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(): Promise<UserView[]> {
  return (await db().user.findMany({ select: SELECT, orderBy: { email: "asc" } })).map(view);
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

export async function createLocalUser(body: z.infer<typeof createUserBody>, actor: string): Promise<UserView> {
  const passwordHash = await hashPassword(body.password);
  try {
    const u = await db().user.create({
      data: { email: body.email, name: body.name || null, role: body.role, passwordHash },
      select: SELECT,
    });
    await auditAccount(actor, "user created", { email: u.email, role: u.role });
    return view(u);
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("conflict", `${body.email} has an account already`);
    throw err;
  }
}

/** Changes a user's role, state or password; disabling (or a new password) ends their sessions. */
export async function updateUser(id: string, body: z.infer<typeof updateUserBody>, actor: string): Promise<UserView> {
  const before = await db().user.findUnique({ where: { id }, select: SELECT });
  if (!before) throw new AppError("not_found", "No such user");
  const losesAdmin =
    asRole(before.role) === "admin" && (body.disabled === true || (body.role && body.role !== "admin"));
  if (losesAdmin && !before.disabled) {
    const admins = await db().user.count({ where: { role: "admin", disabled: false } });
    if (admins <= 1) throw new AppError("conflict", "This is the last admin: make someone else admin first");
  }
  const u = await db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id },
      data: {
        ...(body.role ? { role: body.role } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        ...(body.password ? { passwordHash: await hashPassword(body.password) } : {}),
      },
      select: SELECT,
    });
    if (body.disabled || body.password) await tx.session.deleteMany({ where: { userId: id } });
    return updated;
  });
  const changes: Record<string, string | null> = { email: u.email };
  if (body.role && body.role !== before.role) changes.role = `${before.role} → ${u.role}`;
  if (body.disabled !== undefined && body.disabled !== before.disabled)
    changes.state = u.disabled ? "disabled" : "enabled";
  if (body.password) changes.password = "changed";
  await auditAccount(actor, "user changed", changes);
  return view(u);
}
