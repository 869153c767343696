// What one record says about a function invocation: Application Insights
// columns (exceptions / requests, classic or workspace-based names), metric
// dimensions (cloud/roleName, operation/name, request/resultCode) or custom properties.
import { ERROR_TEXT_FIELDS, readStatedError } from "../../parsers/azure-monitor/error-chain";
import { normKey } from "../../parsers/azure-monitor/fields";
import type { SignalRecord } from "../../parsers/azure-monitor/records";
import { parseAzureTime } from "../../parsers/azure-monitor/time";

export interface FunctionFacts {
  functionName: string | null;
  appName: string | null;
  invocationId: string | null;
  operationId: string | null;
  errorMessage: string | null;
  errorField: string | null;
  exceptionType: string | null;
  problemId: string | null;
  resultCode: string | null;
  success: boolean | null;
  time: Date | null;
  resourceId: string | null;
}

const F = {
  functionName: ["FunctionName", "operation_Name", "OperationName"],
  appName: ["cloud_RoleName", "AppRoleName", "WebsiteName", "AppName", "FunctionAppName"],
  invocationId: ["InvocationId", "prop__InvocationId"],
  operationId: ["operation_Id", "OperationId"],
  exceptionType: ["innermostType", "InnermostType", "type", "ExceptionType", "outerType"],
  problemId: ["problemId"],
  resultCode: ["resultCode", "request/resultCode"],
  success: ["success"],
  time: ["timestamp", "TimeGenerated", "End"],
  resourceId: ["_ResourceId", "ResourceId"],
  category: ["Category"],
} as const;

/** Exception text, read before the shared error chain (error-chain.ts). */
const EXCEPTION_TEXT_FIELDS = ["innermostMessage", "outerMessage"] as const;

export const FUNCTION_FACT_KEYS: ReadonlySet<string> = new Set(
  [
    ...Object.values(F).flat(),
    ...EXCEPTION_TEXT_FIELDS,
    ...ERROR_TEXT_FIELDS,
    "Error",
    "ErrorCode",
    "name",
    "details",
  ].map(normKey),
);

function boolOf(text: string | null): boolean | null {
  if (text === null) return null;
  if (/^(true|1)$/i.test(text)) return true;
  if (/^(false|0)$/i.test(text)) return false;
  return null;
}

export function readFunctionFacts(record: SignalRecord): FunctionFacts {
  const bag = record.bag;
  // Functions log under the category "Function.<name>" (or "Function.<name>.User").
  const category = /^Function\.([^.]+)/.exec(bag.text(...F.category) ?? "")?.[1] ?? null;
  // The innermost exception is the cause, the outer one says "Exception while executing function".
  const error = readStatedError(bag, { before: EXCEPTION_TEXT_FIELDS });
  return {
    // requests.name is the function name for Functions; only log rows have it.
    functionName:
      bag.text(...F.functionName) ??
      category ??
      (record.origin === "row" || record.origin === "event" ? bag.text("name") : null),
    appName: bag.text(...F.appName),
    invocationId: bag.text(...F.invocationId),
    operationId: bag.text(...F.operationId),
    errorMessage: error?.text ?? null,
    errorField: error?.field ?? null,
    exceptionType: bag.text(...F.exceptionType) ?? error?.code ?? null,
    problemId: bag.text(...F.problemId),
    resultCode: bag.text(...F.resultCode),
    success: boolOf(bag.text(...F.success)),
    time: parseAzureTime(bag.text(...F.time)),
    resourceId: bag.text(...F.resourceId),
  };
}

export function isEmptyFunctionFacts(f: FunctionFacts): boolean {
  return !f.functionName && !f.invocationId && !f.operationId && !f.errorMessage && !f.problemId && !f.resultCode;
}

/** A request that succeeded and carries no error: context, not a failure. */
export function isSuccess(f: FunctionFacts): boolean {
  return f.success === true && !f.errorMessage;
}
