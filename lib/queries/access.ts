// Users and API tokens for the Access page (admins only).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiTokenJson, userJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";

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
    queryFn: ({ signal }) => fetchJson("/api/tokens", z.object({ tokens: z.array(apiTokenJson) }), { signal }),
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
    fetchJson("/api/tokens", apiTokenJson.extend({ value: z.string() }), { method: "POST", json: body }),
  );

export const useRevokeToken = () =>
  useAccessMutation((id: string) =>
    fetchJson(`/api/tokens/${encodeURIComponent(id)}`, apiTokenJson, { method: "DELETE" }),
  );
