"use client";
// A role picker for users and tokens, and the form controls' look on the Access page.
import { ROLES, type Role } from "@/lib/auth/roles";

/** The Access page's text inputs and selects. */
export const INPUT =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

export function RoleSelect({
  value,
  onChange,
  label,
  disabled,
  name,
}: {
  value?: Role;
  onChange?: (role: Role) => void;
  label: string;
  disabled?: boolean;
  name?: string;
}) {
  return (
    <select
      aria-label={label}
      name={name}
      value={value}
      defaultValue={value === undefined ? "viewer" : undefined}
      disabled={disabled}
      onChange={onChange ? (e) => onChange(e.target.value as Role) : undefined}
      className="h-8 rounded-md border border-zinc-300 bg-white px-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
