"use client";
// Generates what connects a source here, from a few names: the Azure CLI script or Bicep file for a data factory,
// and the Databricks notification destination + job settings. Same text as `npm run setup` (lib/setup-generators).
import { useCan } from "../auth/principal-context";
import { useState } from "react";
import {
  ADF_FLAVOR,
  azureBicep,
  azureCliScript,
  azureInputProblems,
  SYNAPSE_FLAVOR,
} from "@/lib/setup-generators/azure";
import { databricksCurlScript } from "@/lib/setup-generators/databricks";
import { Button } from "../ui/button";
import { CodeBlock } from "../ui/code-block";
import { CopyButton } from "../ui/copy-button";
import { Section } from "../ui/section";
import { DatabricksApply } from "./databricks-apply";

type Kind = "az" | "bicep" | "syn-az" | "syn-bicep" | "databricks";
const input =
  "h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function GeneratorCard({ origin, databricksApi }: { origin: string | null; databricksApi?: boolean }) {
  const [kind, setKind] = useState<Kind>("az");
  // Apply changes Databricks jobs with the server's token: admins only
  const admin = useCan("admin");
  const [f, setF] = useState({
    subscriptionId: "",
    resourceGroup: "",
    factoryName: "",
    workspace: "",
    key: "",
    jobs: "",
  });
  const base = origin ?? "https://<rca-desk-host>";
  const synapse = kind === "syn-az" || kind === "syn-bicep";
  const flavor = synapse ? SYNAPSE_FLAVOR : ADF_FLAVOR;
  const azure = {
    subscriptionId: f.subscriptionId.trim(),
    resourceGroup: f.resourceGroup.trim(),
    factoryName: f.factoryName.trim(),
    workspace: f.workspace.trim() || undefined,
    url: `${base}${synapse ? "/api/monitor/synapse" : "/api/azure-monitor"}?api_key=${f.key.trim() ? encodeURIComponent(f.key.trim()) : "<RCA_API_KEY>"}`,
  };
  const problems = kind === "databricks" ? [] : azureInputProblems(azure, flavor);
  const text =
    kind === "databricks"
      ? databricksCurlScript({
          url: `${base}/api/databricks-monitor`,
          key: f.key.trim() || undefined,
          jobIds: f.jobs
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        })
      : problems.length
        ? ""
        : kind === "bicep" || kind === "syn-bicep"
          ? azureBicep(azure, flavor)
          : azureCliScript(azure, flavor);
  const field = (name: keyof typeof f, label: string, placeholder: string) => (
    <label className="text-xs">
      {label}
      <input
        className={input}
        name={name}
        value={f[name]}
        placeholder={placeholder}
        onChange={(e) => setF({ ...f, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <Section title="Generate the setup" data-testid="generator">
      <div className="mb-3 flex flex-wrap gap-2" role="group" aria-label="What to generate">
        {(
          [
            ["az", "ADF: Azure CLI"],
            ["bicep", "ADF: Bicep"],
            ["syn-az", "Synapse: Azure CLI"],
            ["syn-bicep", "Synapse: Bicep"],
            ["databricks", "Databricks"],
          ] as const
        ).map(([k, label]) => (
          <Button
            key={k}
            size="sm"
            variant={kind === k ? "primary" : "secondary"}
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
          >
            {label}
          </Button>
        ))}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        {kind === "databricks" ? (
          field("jobs", "Job ids (comma-separated)", "123, 456")
        ) : (
          <>
            {field("subscriptionId", "Subscription id", "00000000-0000-0000-0000-000000000000")}
            {field("resourceGroup", "Resource group", "rg-data")}
            {synapse
              ? field("factoryName", "Synapse workspace", "syn-sales")
              : field("factoryName", "Data factory", "adf-sales")}
            {field("workspace", "Log Analytics workspace (optional: adds the log alert)", "law-data")}
          </>
        )}
        {field("key", "Webhook key (stays in this page; blank = a placeholder)", "RCA_API_KEY")}
      </div>
      {problems.length ? (
        <p className="mt-3 text-sm text-zinc-500" data-testid="generator-missing">
          Fill in: {problems.join("; ")}.
        </p>
      ) : (
        <div className="mt-3 space-y-2">
          <div className="flex flex-wrap gap-2">
            <CopyButton text={text} data-testid="generator-copy" />
            <Button
              onClick={() => download(kind.endsWith("bicep") ? `rca-desk-${kind}.bicep` : `rca-desk-${kind}.sh`, text)}
            >
              Download
            </Button>
          </div>
          <CodeBlock data-testid="generator-output">{text}</CodeBlock>
        </div>
      )}
      {kind === "databricks" && databricksApi && origin && admin ? (
        <DatabricksApply intakeUrl={`${origin}/api/databricks-monitor`} />
      ) : null}
      <p className="mt-2 text-xs text-zinc-500">
        Same output from a CI pipeline:{" "}
        <code className="font-mono">
          npm run setup -- azure-data-factory --subscription S --resource-group RG --factory F [--workspace W] --url URL
          --format az|bicep
        </code>{" "}
        (<code className="font-mono">synapse --synapse-workspace SW</code> for Synapse) or{" "}
        <code className="font-mono">npm run setup -- databricks --url URL [--key K] [--jobs 1,2] [--apply]</code>.
      </p>
    </Section>
  );
}
