// npm run setup -- azure-data-factory --subscription S --resource-group RG --factory F [--workspace W] --url URL --format az|bicep
// npm run setup -- databricks --url URL [--key KEY] [--jobs id,id] [--apply]
// Prints what connects a source to RCA Desk (the same text as the setup page), for CI pipelines and people.
// --apply (Databricks) makes the calls with DATABRICKS_HOST / DATABRICKS_TOKEN and prints each answer.
import { parseArgs } from "node:util";
import { azureBicep, azureCliScript, azureInputProblems } from "../lib/setup-generators/azure";
import {
  databricksCurlScript,
  jobUpdateRequest,
  notificationDestinationRequest,
} from "../lib/setup-generators/databricks";

const USAGE = `usage:
  npm run setup -- azure-data-factory --subscription S --resource-group RG --factory F [--workspace W] --url URL [--format az|bicep]
  npm run setup -- databricks --url URL [--key KEY] [--jobs id,id] [--apply]`;

async function databricksApply(url: string, key: string | undefined, jobs: string[]): Promise<number> {
  const host = process.env.DATABRICKS_HOST?.replace(/\/+$/, "");
  const token = process.env.DATABRICKS_TOKEN;
  if (!host || !token) {
    console.error("--apply needs DATABRICKS_HOST and DATABRICKS_TOKEN");
    return 2;
  }
  const call = async (r: { method: string; path: string; body: unknown }) => {
    const res = await fetch(`${host}${r.path}`, {
      method: r.method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(r.body),
    });
    const text = await res.text();
    console.log(`${r.method} ${r.path} → ${res.status} ${text.slice(0, 300)}`);
    return {
      ok: res.ok,
      json: (() => {
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return {};
        }
      })(),
    };
  };
  const dest = await call(notificationDestinationRequest({ url, key }));
  if (!dest.ok || typeof dest.json.id !== "string") return 1;
  let failed = 0;
  for (const job of jobs) if (!(await call(jobUpdateRequest(job, dest.json.id))).ok) failed++;
  return failed ? 1 : 0;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      subscription: { type: "string" },
      "resource-group": { type: "string" },
      factory: { type: "string" },
      workspace: { type: "string" },
      url: { type: "string" },
      format: { type: "string", default: "az" },
      key: { type: "string" },
      jobs: { type: "string" },
      apply: { type: "boolean", default: false },
    },
  });
  const [target] = positionals;
  if (target === "azure-data-factory") {
    const input = {
      subscriptionId: values.subscription ?? "",
      resourceGroup: values["resource-group"] ?? "",
      factoryName: values.factory ?? "",
      workspace: values.workspace,
      url: values.url ?? "",
    };
    const problems = azureInputProblems(input);
    if (problems.length || !["az", "bicep"].includes(values.format ?? "")) {
      console.error(
        [...problems, ...(["az", "bicep"].includes(values.format ?? "") ? [] : ["format: az or bicep"])].join("\n"),
      );
      console.error(USAGE);
      return 2;
    }
    process.stdout.write(values.format === "bicep" ? azureBicep(input) : azureCliScript(input));
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
