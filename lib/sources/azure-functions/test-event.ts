// Setup → "Send a test event": a function exception as an Application Insights
// log search alert (V2, AppExceptions columns as dimensions) fires, then the
// same alert resolves, which resolves the ticket.
import type { TestEvent } from "../types";

const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

export function azureFunctionsTestEvent(at: Date, alertGuid: string, operationId: string): TestEvent {
  const essentials = {
    alertId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.AlertsManagement/alerts/${alertGuid}`,
    alertRule: "rca-desk-test-event",
    severity: "Sev3",
    signalType: "Log",
    monitorCondition: "Fired",
    monitoringService: "Log Alerts V2",
    alertTargetIDs: [
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-rca-desk-test/providers/microsoft.insights/components/appi-rca-desk-test`,
    ],
    configurationItems: ["appi-rca-desk-test"],
    originAlertId: null,
    firedDateTime: at.toISOString(),
    description: "RCA Desk test event",
    essentialsVersion: "1.0",
    alertContextVersion: "1.0",
  };
  const dimension = (name: string, value: string) => ({ name, value });
  const alertContext = {
    conditionType: "LogQueryCriteria",
    condition: {
      windowSize: "PT5M",
      allOf: [
        {
          searchQuery:
            "AppExceptions | summarize count() by OperationName, OperationId, AppRoleName, ProblemId, ExceptionType, OuterMessage",
          metricMeasureColumn: null,
          targetResourceTypes: "['microsoft.insights/components']",
          operator: "GreaterThan",
          threshold: "0",
          timeAggregation: "Count",
          dimensions: [
            dimension("OperationName", "RcaDeskTestFunction"),
            dimension("OperationId", operationId),
            dimension("AppRoleName", "func-rca-desk-test"),
            dimension("ProblemId", "System.TimeoutException at RcaDeskTest.Run"),
            dimension("ExceptionType", "System.TimeoutException"),
            dimension("OuterMessage", "The operation has timed out (RCA Desk test event)."),
          ],
          metricValue: 1,
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
        },
      ],
      windowStartTime: new Date(at.getTime() - 5 * 60_000).toISOString(),
      windowEndTime: at.toISOString(),
    },
  };
  const resolvedAt = new Date(at.getTime() + 1000).toISOString();
  return {
    fired: { schemaId: "azureMonitorCommonAlertSchema", data: { essentials, alertContext } },
    resolved: {
      schemaId: "azureMonitorCommonAlertSchema",
      data: { essentials: { ...essentials, monitorCondition: "Resolved", resolvedDateTime: resolvedAt }, alertContext },
    },
  };
}
