// npm run setup -- azure-data-factory --subscription S --resource-group RG --factory F [--workspace W] --url URL --format az|bicep
// npm run setup -- synapse --subscription S --resource-group RG --synapse-workspace SW [--workspace W] --url URL --format az|bicep
// npm run setup -- databricks --url URL [--key KEY] [--jobs id,id] [--apply]
// Prints what connects a source to RCA Desk (the same text as the setup page), for CI pipelines and people.
// --apply (Databricks) makes the calls with DATABRICKS_HOST / DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES with one
// workspace) and prints each answer; the key is --key, else RCA_API_KEY_DATABRICKS / RCA_API_KEY.
import { parseArgs } from "node:util";
import {
  ADF_FLAVOR,
  azureBicep,
  azureCliScript,
  azureInputProblems,
  SYNAPSE_FLAVOR,
} from "../lib/setup-generators/azure";
import { databricksCurlScript } from "../lib/setup-generators/databricks";
import { applyDatabricksSetup } from "../lib/setup-generators/databricks-apply";

const USAGE = `usage:
  npm run setup -- azure-data-factory --subscription S --resource-group RG --factory F [--workspace W] --url URL [--format az|bicep]
  npm run setup -- synapse --subscription S --resource-group RG --synapse-workspace SW [--workspace W] --url URL [--format az|bicep]
  npm run setup -- databricks --url URL [--key KEY] [--jobs id,id] [--apply]`;

async function databricksApply(url: string, key: string | undefined, jobs: string[]): Promise<number> {
  try {
    const { calls } = await applyDatabricksSetup({ url, jobIds: jobs }, { key });
    for (const c of calls)
      console.log(`${c.ok ? "ok  " : "FAIL"} ${c.call} → ${c.httpStatus ?? "no answer"}: ${c.message}`);
    return calls.every((c) => c.ok) ? 0 : 1;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      subscription: { type: "string" },
      "resource-group": { type: "string" },
      factory: { type: "string" },
      "synapse-workspace": { type: "string" },
      workspace: { type: "string" },
      url: { type: "string" },
      format: { type: "string", default: "az" },
      key: { type: "string" },
      jobs: { type: "string" },
      apply: { type: "boolean", default: false },
    },
  });
  const [target] = positionals;
  if (target === "azure-data-factory" || target === "synapse") {
    const flavor = target === "synapse" ? SYNAPSE_FLAVOR : ADF_FLAVOR;
    const input = {
      subscriptionId: values.subscription ?? "",
      resourceGroup: values["resource-group"] ?? "",
      factoryName: (target === "synapse" ? values["synapse-workspace"] : values.factory) ?? "",
      workspace: values.workspace,
      url: values.url ?? "",
    };
    const problems = azureInputProblems(input, flavor);
    if (problems.length || !["az", "bicep"].includes(values.format ?? "")) {
      console.error(
        [...problems, ...(["az", "bicep"].includes(values.format ?? "") ? [] : ["format: az or bicep"])].join("\n"),
      );
      console.error(USAGE);
      return 2;
    }
    process.stdout.write(values.format === "bicep" ? azureBicep(input, flavor) : azureCliScript(input, flavor));
    return 0;
  }
  if (target === "databricks") {
    if (!values.url || !/^https?:\/\/\S+$/.test(values.url)) {
      console.error(`url: the http(s) intake URL\n${USAGE}`);
      return 2;
    }
    const jobs = (values.jobs ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (values.apply) return databricksApply(values.url, values.key, jobs);
    process.stdout.write(databricksCurlScript({ url: values.url, key: values.key, jobIds: jobs }));
    return 0;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = await main();
