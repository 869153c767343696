"use client";
// The remediation policy: rules in order, the first enabled match decides the mode. Guardrails (categories that are
// never fixed, the confidence floor, limits, breakers) hold whatever a rule says; the editor says so.
import { useSources } from "@/components/sources-context";
import { useCan } from "../auth/principal-context";
import { useState } from "react";
import type { PolicyRuleJson } from "@/lib/api/schemas";
import { useDeleteRule, useSaveRule, type RuleDraft } from "@/lib/queries/remediation";
import { REMEDIATION_MODE_LABELS } from "@/lib/labels";
import { Badge } from "../ui/badges";
import { Button } from "../ui/button";
import { Section } from "../ui/section";

const EMPTY: RuleDraft = {
  enabled: true,
  source: null,
  category: null,
  classOrCode: null,
  namePattern: null,
  tag: null,
  mode: "approval",
  playbookUrl: null,
  note: null,
};
const CATEGORIES = ["transient", "resource", "platform", "upstream_data"];
const MODES = ["off", "dry_run", "approval", "auto"] as const;
const input =
  "h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function describe(r: PolicyRuleJson, sourceName: (id: string) => string): string {
  const parts = [
    r.source && sourceName(r.source),
    r.category,
    r.classOrCode && `class/code ${r.classOrCode}`,
    r.namePattern && `name ${r.namePattern}`,
    r.tag && `tag ${r.tag}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "every failure";
}

function RuleForm({ initial, onDone, id }: { initial: RuleDraft; onDone: () => void; id?: string }) {
  const sources = useSources();
  // rules may name the sources that have built-in fixes
  const remediable = sources.list.filter((s) => s.remediable);
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const save = useSaveRule();
  const set = (k: keyof RuleDraft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value.trim() === "" ? null : e.target.value });
  type TextKey = "classOrCode" | "namePattern" | "tag" | "playbookUrl" | "note";
  const text = (k: TextKey, label: string, placeholder?: string, wide = false) => (
    <label className={wide ? "text-xs sm:col-span-2" : "text-xs"}>
      {label}
      <input className={input} value={draft[k] ?? ""} onChange={set(k)} name={k} placeholder={placeholder} />
    </label>
  );
  return (
    <form
      className="grid gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id, rule: draft }, { onSuccess: onDone });
      }}
    >
      <label className="text-xs">
        Source
        <select className={input} value={draft.source ?? ""} onChange={set("source")} name="source">
          <option value="">any</option>
          {remediable.map((s) => (
            <option key={s.id} value={s.id}>
              {s.shortName}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs">
        RCA category
        <select className={input} value={draft.category ?? ""} onChange={set("category")} name="category">
          <option value="">any</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {text("classOrCode", "Knowledge-base class or error code", "dbx-driver-unreachable, 2200")}
      {text("namePattern", "Pipeline / job name (* and ?)", "nightly_*")}
      {text("tag", "Tag", "environment=prod")}
      <label className="text-xs">
        Mode
        <select
          className={input}
          value={draft.mode}
          onChange={(e) => setDraft({ ...draft, mode: e.target.value as RuleDraft["mode"] })}
          name="mode"
        >
          {MODES.map((m) => (
            <option key={m} value={m}>
              {REMEDIATION_MODE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      {text("playbookUrl", "Playbook URL instead of the built-in call (optional)", "https://…", true)}
      {text("note", "Note", undefined, true)}
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {id ? "Save rule" : "Add rule"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {save.isError ? (
          <span role="alert" className="text-sm text-red-700 dark:text-red-400">
            {save.error.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function PolicyEditor({ rules, defaultMode }: { rules: PolicyRuleJson[]; defaultMode: string }) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const remove = useDeleteRule();
  // the policy is an admin's: others read it
  const admin = useCan("admin");
  const sources = useSources();
  return (
    <Section
      title="Policy"
      data-testid="policy"
      actions={
        editing === null && admin ? (
          <Button size="sm" onClick={() => setEditing("new")}>
            Add a rule
          </Button>
        ) : null
      }
    >
      <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
        The first enabled rule that matches decides; otherwise the default mode (
        {REMEDIATION_MODE_LABELS[defaultMode] ?? defaultMode}). Whatever a rule says, permission, configuration, schema,
        code and unknown failures, statistical guesses and low-confidence analyses are never fixed automatically.
      </p>
      {editing === "new" ? <RuleForm initial={EMPTY} onDone={() => setEditing(null)} /> : null}
      {rules.length === 0 && editing !== "new" ? <p className="text-sm text-zinc-500">No rules yet.</p> : null}
      <ol className="space-y-2">
        {rules.map((r) =>
          editing === r.id ? (
            <li key={r.id}>
              <RuleForm initial={r} id={r.id} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={r.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid="policy-rule">
              <span className="w-6 text-right tabular-nums text-zinc-500">{r.position}.</span>
              <span className="min-w-0 flex-1">
                {describe(r, sources.name)} →{" "}
                <Badge tone={r.mode === "auto" ? "emerald" : r.mode === "off" ? "zinc" : "amber"}>
                  {REMEDIATION_MODE_LABELS[r.mode]}
                </Badge>
                {!r.enabled ? <span className="ml-1 text-xs text-zinc-500">(disabled)</span> : null}
                {r.playbookUrl ? <span className="ml-1 text-xs text-zinc-500">via playbook</span> : null}
                {r.note ? <span className="block text-xs text-zinc-500">{r.note}</span> : null}
              </span>
              {admin ? (
                <>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(r.id)}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(r.id)}>
                    Remove
                  </Button>
                </>
              ) : null}
            </li>
          ),
        )}
      </ol>
    </Section>
  );
}
