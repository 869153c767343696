// Users and API tokens for the Access page (admins only).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { fetchJson } from "./fetch-json";

const userJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  signIn: z.enum(["local", "entra-id"]),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserJson = z.infer<typeof userJson>;

const tokenJson = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  state: z.enum(["active", "expired", "revoked"]),
});
export type TokenJson = z.infer<typeof tokenJson>;

const USERS = ["access", "users"] as const;
const TOKENS = ["access", "tokens"] as const;

export const useUsers = () =>
  useQuery({
    queryKey: USERS,
    queryFn: ({ signal }) => fetchJson("/api/users", z.object({ users: z.array(userJson) }), { signal }),
  });

export const useTokens = () =>
  useQuery({
    queryKey: TOKENS,
    queryFn: ({ signal }) => fetchJson("/api/tokens", z.object({ tokens: z.array(tokenJson) }), { signal }),
  });

function useAccessMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ["access"] }) });
}

export const useCreateUser = () =>
  useAccessMutation((body: { email: string; name?: string; password: string; role: string }) =>
    fetchJson("/api/users", userJson, { method: "POST", json: body }),
  );

export const useUpdateUser = () =>
  useAccessMutation(({ id, ...body }: { id: string; role?: string; disabled?: boolean }) =>
    fetchJson(`/api/users/${encodeURIComponent(id)}`, userJson, { method: "PATCH", json: body }),
  );

export const useCreateToken = () =>
  useAccessMutation((body: { name: string; role: string; expiresInDays?: number }) =>
    fetchJson("/api/tokens", tokenJson.extend({ value: z.string() }), { method: "POST", json: body }),
  );

export const useRevokeToken = () =>
  useAccessMutation((id: string) =>
    fetchJson(`/api/tokens/${encodeURIComponent(id)}`, tokenJson, { method: "DELETE" }),
  );
