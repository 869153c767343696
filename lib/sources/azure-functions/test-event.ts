// Setup → "Send a test event": a function exception as an Application Insights
// log search alert (AppExceptions columns as dimensions), then its resolution.
import { logAlertTestEvent } from "../../parsers/azure-monitor/test-event";
import type { TestEvent } from "../types";

export function azureFunctionsTestEvent(at: Date, alertGuid: string, operationId: string): TestEvent {
  return logAlertTestEvent({
    at,
    alertGuid,
    armType: "microsoft.insights/components",
    resourceName: "appi-rca-desk-test",
    searchQuery:
      "AppExceptions | summarize count() by OperationName, OperationId, AppRoleName, ProblemId, ExceptionType, OuterMessage",
    dimensions: {
      OperationName: "RcaDeskTestFunction",
      OperationId: operationId,
      AppRoleName: "func-rca-desk-test",
      ProblemId: "System.TimeoutException at RcaDeskTest.Run",
      ExceptionType: "System.TimeoutException",
      OuterMessage: "The operation has timed out (RCA Desk test event).",
    },
  });
}
