// ADF Azure Function / Web activity and activity-definition errors (3602–3612, 2103–2128) from the ADF troubleshooting guide.
import type { ErrorClass } from "../types";

export const ADF_WEB_FUNCTION_CLASSES: ErrorClass[] = [
  {
    id: "adf-azure-function-config",
    platform: "adf",
    title: "Azure Function activity misconfigured (ADF 3602/3606/3607/3609/3611/3612)",
    match: {
      errorCodes: ["3602", "3606", "3607", "3609", "3611", "3612"],
      patterns: [
        /Invalid HttpMethod: '/i,
        /Azure function activity missing (?:function key|function name|functionAppUrl|Method|LinkedService)/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The Azure Function activity {subject} is incomplete or invalid: a required setting (HTTP method, function key, function name, functionAppUrl or the linked service) is missing. The function was never called.",
    recommendations: [
      "Open the activity and its Azure Function linked service and fill in the setting named in the message.",
      "Keep the function key in Key Vault and reference it from the linked service.",
      "Publish and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 3602-3612",
  },
  {
    id: "adf-azure-function-invalid-response",
    platform: "adf",
    title: "Azure Function returned a non-JSON-object response (ADF 3603)",
    match: { errorCodes: ["3603"], patterns: [/Response Content is not a valid JObject/i] },
    category: "code",
    rootCause:
      "The Azure Function called by {subject} answered with a body that is not a JSON object; the Azure Function activity requires a JSON object response.",
    recommendations: [
      'Change the function to return a JSON object (for example {"result": ...}) even when it has nothing to report.',
      "Deploy the function and rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-TS 3603",
  },
  {
    id: "adf-azure-function-auth-failed",
    platform: "adf",
    title: "Azure Function call refused with 401/403 (ADF 3608)",
    match: {
      errorCodes: ["3608"],
      requireCodeAndPattern: true,
      patterns: [/failed with status-'?(?<status>401|403)/i],
    },
    category: "permission",
    rootCause:
      "The Azure Function called by {subject} refused the request with HTTP {status|401/403}: the function key or the identity used by ADF is not accepted.",
    recommendations: [
      "Check the function key in the linked service (it may have been rotated) or the function's authentication settings.",
      "Update the key (ideally via Key Vault) and rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-TS 3608",
  },
  {
    id: "adf-azure-function-call-failed",
    platform: "adf",
    title: "Azure Function call failed (ADF 3608)",
    match: { errorCodes: ["3608"], patterns: [/Call to provided Azure function '[^']*' failed with status/i] },
    // Real reports of 3608 (NotFound, Unauthorized, BadGateway, a 500 "request timed out") were fixed in the
    // function app's setup (name, authorization level, key, timeout), not in ADF and not by a retry.
    category: "configuration",
    rootCause:
      "The Azure Function called by {subject} answered with an error status. ADF only relays it: the function app's setup (function name or URL, authorization level and key, timeout, plan) or the function itself must be checked.",
    recommendations: [
      "Read the status in the error: NotFound → the function name / URL; Unauthorized or Forbidden → the authorization level and the key the linked service sends; a timeout or 5xx → the function's own run in Application Insights and its timeout.",
      "Fix the function app (or the request the pipeline sends) and rerun; an unchanged rerun fails the same way.",
    ],
    remediation: "none",
    confidence: 0.6,
    source: "ADF-TS 3608",
  },
  {
    id: "adf-endpoint-call-error",
    platform: "adf",
    title: "Error calling the function endpoint (ADF 3610)",
    match: { errorCodes: ["3610"], patterns: [/There was an error while calling endpoint/i] },
    category: "configuration",
    rootCause:
      "ADF could not call the endpoint configured for {subject} (ADF 3610). The troubleshooting guide points to a wrong function URL or app settings.",
    recommendations: [
      "Verify the function app URL and function name in the linked service / activity.",
      "Make sure the function app is running and reachable, then rerun.",
    ],
    remediation: "none",
    confidence: 0.75,
    source: "ADF-TS 3610",
  },
  {
    id: "adf-invalid-activity-property",
    platform: "adf",
    title: "Missing or invalid activity property (ADF 2103/2104/2105/2111)",
    match: {
      errorCodes: ["2103", "2104", "2105", "2111"],
      patterns: [
        /Please provide value for the required property '(?<property>[^']+)'/i,
        /The type of the property '(?<property>[^']+)' is incorrect/i,
        /An invalid json is provided for property/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} has a missing or wrongly typed property ('{property|see message}'). ADF validates the activity before running it, so nothing was executed.",
    recommendations: [
      "Set the named property in the activity JSON with the expected type.",
      "Check dynamic-content expressions that may evaluate to null or the wrong type.",
      "Publish and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 2103-2111",
  },
  {
    id: "adf-invalid-storage-connection-string",
    platform: "adf",
    title: "Invalid storage connection string (ADF 2106)",
    match: { errorCodes: ["2106"], patterns: [/The storage connection string is invalid/i] },
    category: "configuration",
    rootCause: "The storage linked service used by {subject} has an invalid connection string.",
    recommendations: [
      "Fix the connection string (or switch to managed identity) in the storage linked service.",
      "Test the connection and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 2106",
  },
  {
    id: "adf-endpoint-auth-rejected",
    platform: "adf",
    title: "Endpoint answered 401/403 (ADF 2108)",
    match: {
      errorCodes: ["2108"],
      requireCodeAndPattern: true,
      patterns: [
        /Response status code: '?(?<status>401|403)\b/i,
        /HttpStatusCode - '?(?<status>401|403)\b/i,
        /UnauthorizedAccessException/i,
      ],
    },
    category: "permission",
    rootCause:
      "The endpoint called by {subject} refused the request with HTTP {status|401/403}: the credential or identity ADF used is not accepted by that service.",
    recommendations: [
      "Check the authentication configured on the Web activity / linked service (key, token, managed identity and its role on the target).",
      "Fix the credential or grant the permission, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-TS 2108",
  },
  {
    id: "adf-endpoint-bad-request",
    platform: "adf",
    title: "Endpoint answered 400/404/405 (ADF 2108)",
    match: {
      errorCodes: ["2108"],
      requireCodeAndPattern: true,
      patterns: [
        /Response status code: '?(?<status>400|404|405|409|415|422)\b/i,
        /HttpStatusCode - '?(?<status>400|404|405|409|415|422)\b/i,
        /"code":\s*"BadParameter"/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The endpoint called by {subject} rejected the request with HTTP {status|4xx}: the URL, method, headers or body the activity sends do not match what the service expects.",
    recommendations: [
      "Compare the activity's URL, method and body with the target API's documentation.",
      "Fix the request and rerun.",
    ],
    remediation: "none",
    confidence: 0.75,
    source: "ADF-TS 2108",
  },
  {
    id: "adf-endpoint-call-failed",
    platform: "adf",
    title: "Error calling an endpoint (ADF 2108)",
    wrapper: true,
    match: {
      errorCodes: ["2108"],
      patterns: [/Error calling the endpoint '[^']*'\. Response status code: '?(?:5\d\d|NA)/i],
    },
    category: "transient",
    rootCause:
      "ADF failed calling the endpoint used by {subject} (ADF 2108): network connectivity, DNS failure, certificate validation, a timeout or a 5xx from the service.",
    recommendations: [
      "Check the quoted status code: 5xx and timeouts are usually transient — rerun.",
      "If it repeats, test the URL from the integration runtime's network and check the service health.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.6,
    source: "ADF-TS 2108",
  },
  {
    id: "adf-unsupported-linked-service",
    platform: "adf",
    title: "Linked service type not supported by the activity (ADF 2110/2112)",
    match: {
      errorCodes: ["2110", "2112"],
      patterns: [
        /The linked service type '[^']*' is not supported for '[^']*' activities/i,
        /The cloud type is unsupported/i,
      ],
    },
    category: "configuration",
    rootCause: "{subject} references a linked service of a type or cloud that this activity cannot use.",
    recommendations: [
      "Point the activity to a supported linked service type (see the activity's documentation).",
      "Publish and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 2110/2112",
  },
  {
    id: "adf-no-response-from-endpoint",
    platform: "adf",
    title: "No response from the endpoint (ADF 2128)",
    match: {
      errorCodes: ["2128"],
      patterns: [/No response from the endpoint\. Possible causes: network connectivity/i],
    },
    category: "transient",
    rootCause:
      "The endpoint called by {subject} did not answer (network connectivity, DNS failure, certificate validation or timeout). Nothing indicates a problem with the pipeline definition.",
    recommendations: [
      "Rerun the activity after a short wait.",
      "If it keeps failing, test reachability from the integration runtime (DNS, firewall, private endpoint) and the service's health.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.75,
    source: "ADF-TS 2128",
  },
];
