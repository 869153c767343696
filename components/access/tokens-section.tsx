"use client";
// API tokens for scripts and CI: create one (its value is shown once), see when each was used, revoke.
import type { FormEvent } from "react";
import { actorLabel } from "@/lib/audit/actor";
import { useCreateToken, useRevokeToken, useTokens } from "@/lib/queries/access";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { RelativeTime } from "../ui/relative-time";
import { Section } from "../ui/section";
import { ErrorState, LoadingState } from "../ui/states";
import { INPUT, RoleSelect } from "./role-select";

function NewToken({ value, name }: { value: string; name: string }) {
  return (
    <div
      className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
      data-testid="new-token"
    >
      <p className="mb-2 font-medium">
        Token “{name}” — copy it now: it is not shown again. Send it as <code>Authorization: Bearer …</code>
      </p>
      <div className="flex items-center gap-2">
        <code
          className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 dark:bg-zinc-900"
          data-testid="new-token-value"
        >
          {value}
        </code>
        <CopyButton text={value} />
      </div>
    </div>
  );
}

function CreateTokenForm() {
  const create = useCreateToken();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const days = Number(f.get("days"));
    await create.mutateAsync({
      name: String(f.get("name")),
      role: String(f.get("role")),
      ...(days > 0 ? { expiresInDays: days } : {}),
    });
    formEl.reset();
  }
  return (
    <>
      <form
        onSubmit={(e) => void submit(e).catch(() => undefined)}
        className="mt-3 flex flex-wrap items-end gap-2"
        data-testid="create-token"
      >
        <input
          name="name"
          required
          maxLength={80}
          placeholder="name, e.g. nightly-ci"
          aria-label="Token name"
          className={INPUT}
        />
        <RoleSelect name="role" label="Role of the new token" />
        <select name="days" aria-label="Expires" defaultValue="90" className={INPUT}>
          <option value="30">expires in 30 days</option>
          <option value="90">expires in 90 days</option>
          <option value="365">expires in a year</option>
          <option value="0">never expires</option>
        </select>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      {create.error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {create.error.message}
        </p>
      )}
      {create.data && <NewToken value={create.data.value} name={create.data.name} />}
    </>
  );
}

export function TokensSection() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  return (
    <Section title="API tokens" data-testid="tokens-section">
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.error ? (
        <ErrorState message={tokens.error.message} onRetry={() => tokens.refetch()} />
      ) : tokens.data.tokens.length === 0 ? (
        <p className="text-sm text-zinc-500">
          No tokens yet. Scripts can also use RCA_ADMIN_TOKEN from the environment.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1.5 pr-3 font-medium">Name</th>
                <th className="py-1.5 pr-3 font-medium">Role</th>
                <th className="py-1.5 pr-3 font-medium">Starts with</th>
                <th className="py-1.5 pr-3 font-medium">Created</th>
                <th className="py-1.5 pr-3 font-medium">Expires</th>
                <th className="py-1.5 pr-3 font-medium">Last used</th>
                <th className="py-1.5 font-medium">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((t) => (
                <tr key={t.id} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="token-row">
                  <td className="py-1.5 pr-3 font-medium">{t.name}</td>
                  <td className="py-1.5 pr-3">{t.role}</td>
                  <td className="py-1.5 pr-3">
                    <code>{t.prefix}…</code>
                  </td>
                  <td className="py-1.5 pr-3">
                    <RelativeTime iso={t.createdAt} />{" "}
                    <span className="text-xs text-zinc-500">by {actorLabel(t.createdBy)}</span>
                  </td>
                  <td className="py-1.5 pr-3">{t.expiresAt ? <RelativeTime iso={t.expiresAt} /> : "never"}</td>
                  <td className="py-1.5 pr-3">{t.lastUsedAt ? <RelativeTime iso={t.lastUsedAt} /> : "never"}</td>
                  <td className="py-1.5">
                    {t.state === "active" ? (
                      <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate(t.id)}>
                        Revoke
                      </Button>
                    ) : (
                      <span className="text-xs text-zinc-500">{t.state}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateTokenForm />
    </Section>
  );
}
