// FinOps tags read from pipeline / job names by a configurable naming
// convention, e.g. TAG_NAMING_CONVENTION="<team>_<env>_<name>" turns
// "finance_prod_daily_sales" into {team: finance, environment: prod}.
import { escapeRegExp } from "../regexp";

const ALIASES: Record<string, string> = {
  env: "environment",
  environment: "environment",
  stage: "environment",
  team: "team",
  owner: "team",
  cost: "costCenter",
  costcenter: "costCenter",
  cost_center: "costCenter",
  cc: "costCenter",
  project: "project",
  app: "application",
  application: "application",
  domain: "domain",
};

type Convention = { regex: RegExp; names: string[] };
const cache = new Map<string, Convention | null>();

function compile(pattern: string): Convention | null {
  const names: string[] = [];
  let source = "^";
  const re = /<([a-zA-Z_][a-zA-Z0-9_]*)>|([^<]+)/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m[1]) {
      names.push(m[1]);
      source += `(.+?)`;
    } else {
      source += escapeRegExp(m[2]);
    }
  }
  if (names.length === 0) return null;
  return { regex: new RegExp(source + "$", "i"), names };
}

export function tagsFromName(name: string, pattern: string | undefined): Record<string, string> {
  if (!pattern) return {};
  if (!cache.has(pattern)) cache.set(pattern, compile(pattern));
  const convention = cache.get(pattern);
  const m = convention?.regex.exec(name);
  if (!convention || !m) return {};
  const tags: Record<string, string> = {};
  convention.names.forEach((raw, i) => {
    const key = raw.toLowerCase();
    if (key === "name" || key === "rest" || key === "_") return;
    tags[ALIASES[key] ?? raw] = m[i + 1];
  });
  return tags;
}
