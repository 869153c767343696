"use client";
// The signed-in user in the header: name, role, and Sign out.
import { useState } from "react";
import type { Me } from "./principal-context";

export function UserMenu({ me }: { me: Me }) {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    await fetch("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    // a full load, not a client navigation: nothing cached for the previous session survives
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
  return (
    <div className="flex items-center gap-2 text-xs" data-testid="user-menu">
      <span className="hidden max-w-48 truncate text-zinc-600 md:inline dark:text-zinc-400" title={me.actor}>
        {me.name}
      </span>
      <span
        className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        data-testid="user-role"
      >
        {me.role}
      </span>
      {me.kind === "session" && (
        <button
          type="button"
          onClick={signOut}
          disabled={busy}
          className="rounded px-1.5 py-0.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-50 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      )}
    </div>
  );
}
