// Platform-neutral classes: HTTP statuses, timeouts, connectivity/DNS, generic authorization, Python/Java code errors, missing libraries.
import type { ErrorClass } from "../types";
import { RETRY_WITHHELD } from "./withheld";

export const GENERIC_CLASSES: ErrorClass[] = [
  {
    id: "http-auth-rejected",
    platform: "generic",
    title: "Request rejected with HTTP 401/403",
    match: {
      patterns: [
        /\((?<status>40[13])\) (?:Forbidden|Unauthorized)/i,
        /(?:HttpStatusCode|status code|Status|HTTP)\s*[-:=]?\s*'?(?<status>40[13])\b/i,
        /\b(?<status>40[13]) (?:Forbidden|Unauthorized)\b/i,
        /"(?:status|statusCode|code)"\s*:\s*"?(?<status>40[13])\b/i,
        /invalid status code '(?:Forbidden|Unauthorized)'/i,
      ],
    },
    category: "permission",
    rootCause:
      "A service called by {subject} answered HTTP {status|401/403}: the credential is missing, invalid or expired (401) or the identity lacks permission (403).",
    recommendations: [
      "Identify the service and identity from the message and check the credential (key, token, secret expiry) configured for it.",
      "Grant the missing role / permission or renew the credential, then rerun.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "HTTP 401/403",
  },
  {
    // No automatic retry: in the labelled real reports a throttled call was a capacity limit (a bigger tier) or a
    // client that did not back off (a code fix) 6 times in 16 (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts).
    id: "http-throttled",
    platform: "generic",
    title: "Throttled (HTTP 429 / rate limiting)",
    match: {
      errorCodes: ["TooManyRequests", "ThrottlingError", "Throttled", "SlowDown"],
      patterns: [
        /(?:HttpStatusCode|status code|Status|HTTP|code)\s*[-:=]?\s*'?429\b/i,
        /\b429 Too Many Requests\b/i,
        // urllib3 / requests giving up: "Max retries exceeded … (Caused by ResponseError('too many 429 error responses'))"
        /\btoo many 429 (?:error )?responses\b/i,
        /Too Many Requests/i,
        /\bTooManyRequests\b/,
        /\bthrottl(?:ed|ing)\b/i,
        /rate limit (?:exceeded|reached)/i,
        // Amazon S3 throttles with a 503 whose reason is "Slow Down" (error code SlowDown, listed above)
        /\bSlow ?Down\b/,
      ],
    },
    category: "transient",
    rootCause:
      "A service called by {subject} throttled the requests (HTTP 429 / rate limiting): too many calls in a short time against the same account or API.",
    recommendations: [
      "Rerun once the burst has passed; configure activity/task retries with a growing interval.",
      "Reduce parallelism (ForEach batch count, parallel copies, concurrent jobs) against that service.",
      "If it is throttled again at normal load, the limit is the tier or quota of that service (raise it), or a client that does not back off on 429 (update or fix it).",
      RETRY_WITHHELD,
    ],
    remediation: "none",
    confidence: 0.75,
    source: "HTTP 429",
  },
  {
    id: "http-server-error",
    platform: "generic",
    title: "Service answered HTTP 5xx",
    match: {
      patterns: [
        /\((?<status>50[234])\) (?:Bad Gateway|Server Unavailable|Service Unavailable|Gateway Timeout)/i,
        /(?:HttpStatusCode|status code|Status|HTTP|code)\s*[-:=]?\s*'?(?<status>50[234])\b/i,
        /\b(?:ServiceUnavailable|BadGateway|GatewayTimeout)\b/,
        /\b(?:Service Unavailable|Bad Gateway|Gateway Time-?out)\b/i,
        /\btoo many (?<status>50[234]) (?:error )?responses\b/i,
      ],
    },
    category: "transient",
    rootCause:
      "A service called by {subject} answered with a server error (HTTP {status|5xx}): the failure is on the service side, typically temporary.",
    recommendations: [
      "Rerun after a short delay.",
      "If it keeps failing, check the service's health/status page and logs.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.65,
    source: "HTTP 5xx",
  },
  {
    id: "http-internal-server-error",
    platform: "generic",
    title: "Service answered HTTP 500 (internal server error)",
    match: {
      patterns: [
        /\((?<status>500)\) Internal Server Error/i,
        /(?:HttpStatusCode|status code|Status|HTTP|code)\s*[-:=]?\s*'?(?<status>500)\b/i,
        /\bInternalServerError\b/,
        /\bInternal Server Error\b/i,
      ],
    },
    // A 500 is the service failing on this request: sometimes a blip, often a service-side defect that the same
    // request hits again. Unlike 502/503/504 it is no evidence that a retry helps, so no automatic fix.
    category: "platform",
    rootCause:
      "A service called by {subject} failed with an internal server error (HTTP {status|500}): the failure is on the service side, not in the request's credentials or data as far as the error shows.",
    recommendations: [
      "Check the service's health / status page and its own logs for the time of the failure.",
      "Rerun once by hand; if the same request fails again, report it to the service owner with the request details.",
    ],
    remediation: "none",
    confidence: 0.6,
    source: "HTTP 500",
  },
  {
    id: "network-timeout",
    platform: "generic",
    title: "Operation timed out",
    match: {
      patterns: [
        /A task was canceled/i,
        /The operation has timed out/i,
        /\b(?:Socket)?TimeoutException\b/,
        /(?:Read|Connect|Socket|Connection|Request|Operation) timed out/i,
        /\btimeout expired\b/i,
        /timed out after \d+/i,
        /Query source database timeout after/i,
        /\bTimeout (?:when|while|during) /i,
        /deadline exceeded/i,
      ],
    },
    category: "transient",
    rootCause:
      "{subject} gave up waiting for an external system (a connection, query or API call timed out). Nothing indicates a definition error; the other side was slow or unreachable at that moment.",
    recommendations: [
      "Rerun after a short delay.",
      "If timeouts repeat, check the other system's load and network path, and raise the timeout only if the work legitimately takes longer.",
    ],
    remediation: "none",
    confidence: 0.6,
    source: "ADF-TS 2128 / generic timeouts",
  },
  {
    // A client that prints the host it connects to as None / null / undefined was given no host at all: whatever
    // the network error that follows (a DNS lookup of "None" fails), the missing setting is the cause.
    id: "config-host-missing",
    platform: "generic",
    title: "Connection made without a host name (None / null / undefined)",
    match: {
      patterns: [
        /\b(?:connecting to|connect to|host(?:name)?|server(?:_hostname)?)(?: \w+)?[=: ]+'?(?:None|null|undefined)'?(?=[\s,.!:;]|$)/,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} tried to connect without a host name: the host printed in the error is None / null / undefined, so the connection setting (host, server_hostname, URL) never reached the client.",
    recommendations: [
      "Check where the host comes from (connection profile, environment variable, secret, linked service parameter) and that it is set for this run.",
      "Rerun once the setting is filled in; rerunning unchanged fails the same way.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "client error format (a host interpolated from an unset variable)",
  },
  {
    // No automatic retry: a reset or timed-out connection was a proxy, firewall or TLS setting in 2 of the 4
    // labelled real reports it matched (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts).
    id: "network-connectivity",
    platform: "generic",
    title: "Network connectivity / DNS failure",
    match: {
      patterns: [
        // A connection that was open and then dropped, or a lookup the resolver itself calls temporary. A target that
        // refuses every connection, or a host that does not resolve, is a set-up problem (family-network-setup):
        // public reports of those were fixed in DNS, firewall or host settings, never by rerunning.
        /Connection reset(?: by peer)?/i,
        /Temporary failure in name resolution/i,
        /getaddrinfo EAI_AGAIN/i,
        /\bECONNRESET\b/,
        /\bETIMEDOUT\b/,
        /Broken pipe/i,
        /The connection was closed unexpectedly/i,
        /An existing connection was forcibly closed/i,
      ],
    },
    category: "transient",
    rootCause:
      "{subject} lost its connection to a service (connection reset or dropped, or a temporary DNS lookup failure).",
    recommendations: [
      "Rerun after a short delay; transient network failures usually clear.",
      "If it repeats, check DNS (private endpoints / private DNS zones), firewalls, proxies and TLS settings between the runtime and the target host named in the message.",
      RETRY_WITHHELD,
    ],
    remediation: "none",
    confidence: 0.6,
    source: "ADF-TS 2128 (network connectivity, DNS failure)",
  },
  {
    id: "tls-connection-closed",
    platform: "generic",
    title: "Connection closed during TLS handshake / send",
    match: {
      patterns: [
        /The underlying connection was closed: An unexpected error occurred on a send/i,
        /Authentication failed because the remote party has closed the transport stream/i,
      ],
    },
    category: "transient",
    rootCause:
      "The connection from {subject} was closed while sending (TLS handshake or send). This is either a network blip or a TLS/credential mismatch with the server; the text alone does not tell which.",
    recommendations: [
      "Rerun once; if it fails again, check the server's required TLS version and the credentials configured for it.",
      "Compare with the last successful run to see whether the server or runtime was updated.",
    ],
    remediation: "none",
    confidence: 0.55,
    source: "ADF-CONN-CN (underlying connection was closed)",
  },
  {
    id: "generic-access-denied",
    platform: "generic",
    title: "Access denied / not authorized",
    match: {
      patterns: [
        /\bAccess (?:is )?denied\b/i,
        /\bAccessDenied(?:Exception)?\b/,
        /\bPermission denied\b/i,
        /\bis not authorized to\b/i,
        /\bnot authorized to perform\b/i,
        /\bUnauthorizedAccessException\b/,
        /Attempted to perform an unauthorized operation/i,
        /\bPERMISSION_DENIED\b/,
      ],
    },
    category: "permission",
    rootCause: "{subject} was refused access to a resource: the identity it runs as lacks the required permission.",
    recommendations: [
      "Find the identity and the resource in the message.",
      "Grant the minimum permission needed (or fix the credential) and rerun.",
    ],
    remediation: "none",
    confidence: 0.6,
    source: "generic authorization errors",
  },
  {
    id: "library-missing-module",
    platform: "generic",
    title: "Missing or incompatible library (import / class not found)",
    match: {
      patterns: [
        /ModuleNotFoundError: No module named '?(?<module>[\w.]+)/i,
        /ImportError: (?:No module named|cannot import name) '?(?<module>[\w.]+)/i,
        /java\.lang\.(?:ClassNotFoundException|NoClassDefFoundError):? ?(?<module>[\w./$]+)?/,
        /java\.lang\.NoSuchMethodError/,
        /Could not find a version that satisfies the requirement (?<module>\S+)/i,
        /No matching distribution found for (?<module>\S+)/i,
        /ERROR: Could not install packages/i,
        /java\.sql\.SQLException: No suitable driver/i,
        // Spark names a format whose package is not installed (spark-xml, Auto Loader outside Databricks, ...).
        /\bFailed to find data source: (?<module>[\w.]+)/i,
        // A module that lacks a name the code uses: the installed version is older or newer than the code expects
        // (numpy's removed aliases, an SDK a release behind); unlike other AttributeErrors, not the code's own bug.
        /AttributeError: module '(?<module>[\w.]+)' has no attribute/,
        // py4j hands Python a JavaPackage for a JVM name it cannot resolve: the jar that holds the class is not on the
        // cluster's classpath (a TypeError only in form)
        /'JavaPackage' object is not callable/,
      ],
      errorCodes: ["DATA_SOURCE_NOT_FOUND"],
    },
    category: "library",
    rootCause:
      "{subject} could not load library code ('{module|see message}'): the package or jar is not installed on the cluster / runtime, or an installed version conflicts with what the code expects.",
    recommendations: [
      "Install the package as a cluster / job library (or in the job environment) with a pinned version compatible with the runtime.",
      "For NoSuchMethodError / NoClassDefFoundError look for two versions of the same dependency (conflicting jars or a runtime upgrade).",
      "Repair the run after the library is available.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "PY ModuleNotFoundError / DBX-KB (library conflicts)",
  },
  {
    id: "python-code-error",
    platform: "generic",
    title: "Python exception in user code",
    match: {
      patterns: [
        /\b(?<exception>ZeroDivisionError|KeyError|NameError|TypeError|AttributeError|IndexError|AssertionError|UnboundLocalError|RecursionError|SyntaxError|IndentationError|NotImplementedError)\b:/,
        /\bPythonException: '?(?<exception>[A-Z]\w*(?:Error|Exception))/,
      ],
    },
    category: "code",
    rootCause:
      "The code of {subject} raised a {exception|Python exception}: a programming error (or an input case the code does not handle), not an infrastructure problem. Rerunning unchanged will fail the same way.",
    recommendations: [
      "Open the stack trace, go to the line that raised, and reproduce it in a notebook with the same input.",
      "Fix the code (or handle the input case) and add a test for it.",
      "Repair the run after deploying the fix.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "PY built-in exceptions; corpus/databricks/jobs-api get-output ZeroDivisionError",
  },
  {
    id: "python-value-error",
    platform: "generic",
    title: "Python ValueError / custom exception raised by the code",
    match: { patterns: [/\bValueError:/, /^\s*Exception: [^\n]+$/m, /\bRuntimeError:/] },
    category: "code",
    rootCause:
      "The code of {subject} raised an exception of its own (ValueError / Exception / RuntimeError): the program rejected its input or state. The message explains which check failed.",
    recommendations: [
      "Read the exception message: if it is a deliberate data-quality check, fix the input data; otherwise fix the code.",
      "Repair the run afterwards.",
    ],
    remediation: "none",
    confidence: 0.6,
    source: "PY built-in exceptions",
  },
  {
    id: "java-code-error",
    platform: "generic",
    title: "JVM exception in user code (NullPointerException ...)",
    match: {
      patterns: [
        /java\.lang\.NullPointerException/,
        /java\.lang\.ArrayIndexOutOfBoundsException/,
        /scala\.MatchError/,
        /java\.lang\.StackOverflowError/,
      ],
    },
    category: "code",
    rootCause:
      "The JVM code of {subject} threw a programming exception (null reference, index out of bounds, unmatched case ...).",
    recommendations: [
      "Find the first frame of your own code in the stack trace and fix the logic (or handle the null/empty input).",
      "Repair the run after the fix.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "JVM exceptions",
  },
  {
    id: "python-binary-incompatibility",
    platform: "generic",
    title: "Compiled package built against another numpy (binary incompatibility)",
    match: {
      patterns: [
        /\bmay indicate binary incompatibility\b/i,
        /\bmodule compiled against (?:ABI|API) version\b/i,
        /\bA module that was compiled using NumPy 1\.x cannot be run in\s+NumPy 2/i,
      ],
    },
    // numpy prints this as a ValueError / RuntimeError / ImportError, but no line of the job is wrong: two installed
    // packages disagree on numpy's C interface, so the fix is a consistent set of versions.
    category: "library",
    rootCause:
      "A compiled Python package that {subject} imports was built against a different numpy version than the one installed, so their binary interfaces do not match. The code is fine; the installed versions are not consistent.",
    recommendations: [
      "Pin numpy to the version the compiled package (pandas, scikit-learn, pyarrow …) was built for, or upgrade that package to a build for the installed numpy.",
      "On Databricks, prefer the runtime's own numpy and do not upgrade it with %pip or a cluster library without pinning its dependants too.",
      "Rerun after the environment is consistent; a retry alone fails the same way.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "numpy C-API / ABI compatibility (numpy.org/devdocs/dev/depending_on_numpy.html)",
  },
  {
    // .NET could not load an assembly (a DLL) that the integration runtime, gateway or driver needs: the dev set's
    // definitions file a missing DLL on the IR under library, as the ADF guides' own entries for this sentence do.
    // Above the missing-file class (0.85) on purpose: .NET ends the sentence with "The system cannot find the file
    // specified", which is about the DLL, not an input file that upstream did not deliver.
    id: "dotnet-assembly-load-failure",
    platform: "generic",
    title: "A .NET assembly (DLL) could not be loaded",
    match: {
      patterns: [/\bCould not load (?:file or )?assembly '(?<module>[^',]+)/i, /\bSystem\.IO\.FileLoadException\b/],
    },
    category: "library",
    rootCause:
      "{subject} needed the .NET assembly '{module|see message}', and it is missing from the machine that ran it (the self-hosted integration runtime, the on-premises data gateway or a driver install) or is there at another version.",
    recommendations: [
      "Install the driver or component that ships the assembly on every node of the integration runtime / gateway, at the version the connector expects (or upgrade the IR / gateway to a release that bundles it).",
      "A retry on the same machine fails the same way; rerun once the assembly is in place.",
    ],
    remediation: "none",
    confidence: 0.9,
    source:
      ".NET FileNotFoundException / FileLoadException for an assembly; ADF troubleshooting guides (SAP ODP, SSIS, IR)",
  },
  {
    // Databricks Connect (and other thin clients of a cluster) must match the cluster's runtime: the message names
    // a version pair, and the fix is installing the client version the runtime supports, not a change of settings.
    id: "client-server-version-mismatch",
    platform: "databricks",
    title: "Client library version does not match the cluster's runtime",
    match: {
      patterns: [/\brunning server version\b[^\n]{0,80}\bclient only supports\b/i],
    },
    category: "library",
    rootCause:
      "The client library that {subject} uses (Databricks Connect or a similar client) was built for another Databricks Runtime version than the cluster runs.",
    recommendations: [
      "Install the client version that matches the cluster's Databricks Runtime (e.g. databricks-connect==<runtime major.minor>.*), or point it at a cluster on the runtime it supports.",
      "Pin that version in the build so a new release does not break it again; a retry fails the same way.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "Databricks Connect: client and runtime versions must match",
  },
  {
    id: "go-runtime-panic",
    platform: "generic",
    title: "A Go tool crashed (panic: runtime error)",
    match: {
      patterns: [/\bpanic: runtime error\b/, /\binvalid memory address or nil pointer dereference\b/],
    },
    category: "code",
    // The Databricks CLI, bundles and the Terraform provider are Go programs: a runtime panic is a crash in that
    // tool, not an answer from the workspace, so the fix is another version of the tool, not a setting.
    rootCause:
      "A tool written in Go that {subject} ran (the Databricks CLI or bundles, the Terraform provider) crashed with a runtime panic (a nil pointer or similar). This is a bug in that tool's version, not a setting of the job or the workspace.",
    recommendations: [
      "Note the tool's version from the deployment log and pin the previous release, or upgrade if a fixed one exists.",
      "Report the panic with its stack trace to the tool's issue tracker if it is not known yet.",
      "Rerun the deployment once the tool's version is changed.",
    ],
    remediation: "none",
    confidence: 0.75,
    source: "Go spec: run-time panics (go.dev/ref/spec#Run_time_panics)",
  },
  {
    id: "java-class-cast",
    platform: "generic",
    title: "Value of an unexpected type (ClassCastException)",
    match: { patterns: [/ClassCastException/] },
    category: "schema_data",
    rootCause:
      "{subject} received a value of another type than expected (ClassCastException), typically because a column's type in the data differs from the schema the code or table assumes.",
    recommendations: [
      "Compare the column types of the input with the expected schema.",
      "Cast explicitly or fix the producer, then rerun.",
    ],
    remediation: "none",
    confidence: 0.65,
    source: "JVM ClassCastException",
  },
  {
    id: "dbx-notebook-parameter-missing",
    platform: "databricks",
    title: "Notebook widget / parameter not defined",
    match: { patterns: [/InputWidgetNotDefined/i, /No input widget named (?<widget>\S+) is defined/i] },
    category: "configuration",
    rootCause:
      "The notebook of {subject} reads widget/parameter '{widget|see message}' that the job or caller did not pass and the notebook does not define.",
    recommendations: [
      "Pass the parameter from the job / ADF activity (base parameters), or define the widget with a default in the notebook.",
      "Repair the run.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DBX-KB (InputWidgetNotDefined)",
  },
  {
    id: "dbx-notebook-not-found",
    platform: "databricks",
    title: "Notebook or workspace path not found",
    match: {
      patterns: [
        /Notebook not found: (?<path>\S+)/i,
        /Path (?<path>\S+) does not exist\.?\s*$/im,
        /RESOURCE_DOES_NOT_EXIST: [^\n]{0,200}does not exist/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} points to a notebook or workspace path ('{path|see message}') that does not exist in this workspace (moved, renamed, or not deployed).",
    recommendations: [
      "Check the notebook path in the job task / ADF activity against the workspace.",
      "Deploy the notebook or fix the path, then run again.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-API RESOURCE_DOES_NOT_EXIST",
  },
];
