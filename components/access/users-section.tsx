"use client";
// People who may sign in: their role, state, last sign-in; add a local account.
import { useState, type FormEvent } from "react";
import { useCreateUser, useUpdateUser, useUsers } from "@/lib/queries/access";
import { useMe } from "../auth/principal-context";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { Section } from "../ui/section";
import { ErrorState, LoadingState } from "../ui/states";
import { INPUT, RoleSelect } from "./role-select";

function AddUserForm() {
  const create = useCreateUser();
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const email = String(f.get("email"));
    await create.mutateAsync({
      email,
      name: String(f.get("name") || "") || undefined,
      password: String(f.get("password")),
      role: String(f.get("role")),
    });
    formEl.reset();
    setDone(`${email} can sign in now.`);
  }
  return (
    <form
      onSubmit={(e) => void submit(e).catch(() => undefined)}
      className="mt-3 flex flex-wrap items-end gap-2"
      data-testid="add-user"
    >
      <input name="email" type="email" required placeholder="e-mail" aria-label="E-mail" className={INPUT} />
      <input name="name" placeholder="name (optional)" aria-label="Name" className={INPUT} />
      <input
        name="password"
        type="password"
        required
        minLength={12}
        placeholder="initial password (12+)"
        aria-label="Initial password"
        autoComplete="new-password"
        className={INPUT}
      />
      <RoleSelect name="role" label="Role of the new user" />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Add user
      </Button>
      {create.error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {create.error.message}
        </p>
      )}
      {done && !create.error && <p className="w-full text-sm text-emerald-700 dark:text-emerald-300">{done}</p>}
    </form>
  );
}

export function UsersSection() {
  const users = useUsers();
  const update = useUpdateUser();
  const me = useMe();
  return (
    <Section title="People" data-testid="users-section">
      {users.isPending ? (
        <LoadingState />
      ) : users.error ? (
        <ErrorState message={users.error.message} onRetry={() => users.refetch()} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1.5 pr-3 font-medium">User</th>
                <th className="py-1.5 pr-3 font-medium">Role</th>
                <th className="py-1.5 pr-3 font-medium">Sign-in</th>
                <th className="py-1.5 pr-3 font-medium">Last sign-in</th>
                <th className="py-1.5 font-medium">State</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <tr key={u.id} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="user-row">
                  <td className="py-1.5 pr-3">
                    <div className="font-medium">{u.email}</div>
                    {u.name && <div className="text-xs text-zinc-500">{u.name}</div>}
                  </td>
                  <td className="py-1.5 pr-3">
                    <RoleSelect
                      label={`Role of ${u.email}`}
                      value={u.role}
                      disabled={update.isPending || u.signIn === "entra-id"}
                      onChange={(role) => update.mutate({ id: u.id, role })}
                    />
                    {u.signIn === "entra-id" && <div className="text-xs text-zinc-500">from AUTH_ROLE_MAP</div>}
                  </td>
                  <td className="py-1.5 pr-3">{u.signIn === "local" ? "password" : "Microsoft Entra ID"}</td>
                  <td className="py-1.5 pr-3">{u.lastLoginAt ? <RelativeTime iso={u.lastLoginAt} /> : "never"}</td>
                  <td className="py-1.5">
                    {u.email === me?.email ? (
                      <span className="text-xs text-zinc-500">you</span>
                    ) : (
                      <Button
                        size="sm"
                        variant={u.disabled ? "secondary" : "ghost"}
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                      >
                        {u.disabled ? "Enable" : "Disable"}
                      </Button>
                    )}
                    {u.disabled && <span className="ml-2 text-xs text-red-700 dark:text-red-300">disabled</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {update.error && (
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
              {update.error.message}
            </p>
          )}
        </div>
      )}
      <AddUserForm />
    </Section>
  );
}
