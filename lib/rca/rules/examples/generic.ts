// Labelled real messages for the platform-neutral classes (HTTP, network, code, libraries).
import { RWC, type KbExample } from "./types";

export const GENERIC_EXAMPLES: KbExample[] = [
  {
    message:
      "Operation on target copy_api_to_file failed: Failure happened on 'Source' side. ErrorCode=UserErrorHttpStatusCodeIndicatingFailure, 'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException, Message=The HttpStatusCode 401 indicates failure, xxxx,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "http-auth-rejected",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Source' side. ErrorCode=RestCallFailedWithClientError,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Rest call failed with client error, status code 429 429, please check your activity settings",
    expectedClass: "http-throttled",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ERROR [HY000] [Microsoft][Snowflake] (4) REST request for URL *** failed: HTTP error (http error) - code=503. ,Source=Microsoft.DataTransfer.Runtime.GenericOdbcConnectors,'",
    expectedClass: "http-server-error",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Source' side. ErrorCode=UserErrorSourceQueryTimeout,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Query source database timeout after '7200' seconds.,Source=Microsoft.DataTransfer.DataContracts,''Type=System.TimeoutException,Message=,Source=Microsoft.DataTransfer.DataContracts,'",
    expectedClass: "network-timeout",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "Py4JJavaError: An error occurred while calling o1659.load. : Status code: -1 error code: null error message: InvalidAbfsRestOperationExceptionjava.net.UnknownHostException: sasyoccutableaudev.dfs.core.windows.net",
    expectedClass: "family-network-setup",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message: "Error connecting to host None: [Errno -2] Name or service not known",
    expectedClass: "config-host-missing",
    expectedCategory: "configuration",
    source: "client error format written for the class (not a quoted report)",
  },
  {
    message:
      "ErrorCode=HttpFileFailedToRead,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Failed to read data from http server. Check the error from http server：The request was aborted: The connection was closed unexpectedly.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "network-connectivity",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    errorCode: "2200",
    message:
      "'Type=System.Net.Http.HttpRequestException,Message=An error occurred while sending the request.,Source=mscorlib,''Type=System.Net.WebException,Message=The underlying connection was closed: An unexpected error occurred on a send.,Source=System,''Type=System.IO.IOException,Message=Authentication failed because the remote party has closed the transport stream.,Source=System,'",
    expectedClass: "tls-connection-closed",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ERROR [42501] Failed to access remote file: access denied.",
    expectedClass: "generic-access-denied",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    message: "ModuleNotFoundError: No module named 'great_expectations'",
    trace:
      "Traceback (most recent call last):\n  File \"/databricks/driver/validate.py\", line 3, in <module>\n    import great_expectations as gx\nModuleNotFoundError: No module named 'great_expectations'",
    resourceType: "task",
    expectedClass: "library-missing-module",
    expectedCategory: "library",
    source: "PY ModuleNotFoundError (docs.python.org/3/library/exceptions.html)",
  },
  {
    message:
      "Operation on target QCR Load failed: Operation on target Copy failed: ErrorCode=ParquetJavaInvocationException,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=An error occurred when invoking java, message: java.lang.NoClassDefFoundError:org/apache/log4j/Level",
    expectedClass: "library-missing-module",
    expectedCategory: "library",
    source: RWC,
  },
  {
    message:
      "[DATA_SOURCE_NOT_FOUND] Failed to find data source: avro. Please find packages at `https://spark.apache.org/third-party-projects.html`.",
    errorCode: "DATA_SOURCE_NOT_FOUND",
    resourceType: "task",
    expectedClass: "library-missing-module",
    expectedCategory: "library",
    source: "Spark error conditions (DATA_SOURCE_NOT_FOUND)",
  },
  {
    message: "AttributeError: module 'numpy' has no attribute 'float'.",
    resourceType: "task",
    expectedClass: "library-missing-module",
    expectedCategory: "library",
    source: "NumPy 1.24 release notes (expired deprecated aliases such as np.float)",
  },
  {
    message: "KeyError: 'customer_id'",
    trace:
      "Traceback (most recent call last):\n  File \"<command-1>\", line 12, in <module>\n    df['customer_id']\nKeyError: 'customer_id'",
    resourceType: "task",
    expectedClass: "python-code-error",
    expectedCategory: "code",
    source: "PY KeyError (docs.python.org/3/library/exceptions.html)",
  },
  {
    message: "ValueError: Expected 12 monthly files but found 11",
    resourceType: "task",
    expectedClass: "python-value-error",
    expectedCategory: "code",
    source: "PY ValueError (docs.python.org/3/library/exceptions.html)",
  },
  {
    // numpy's own wording when a compiled extension and the installed numpy disagree on the C interface
    message:
      "ImportError: numpy.core.multiarray failed to import\nRuntimeError: module compiled against API version 0x10 but this version of numpy is 0xe",
    resourceType: "task",
    expectedClass: "python-binary-incompatibility",
    expectedCategory: "library",
    source: "numpy C-API version check (numpy/core/code_generators, _import_array)",
  },
  {
    // py4j's answer when a Python wrapper calls a JVM class whose jar is not installed (e.g. a Spark package used
    // from PySpark without its Maven coordinates on the cluster)
    message:
      "TypeError: 'JavaPackage' object is not callable\n  File \"/databricks/python/lib/python3.10/site-packages/sparknlp/internal.py\", line 12, in __init__",
    resourceType: "task",
    expectedClass: "library-missing-module",
    expectedCategory: "library",
    source: "py4j JavaPackage (py4j.org: java_gateway, JVM view of unresolved names)",
  },
  {
    // Databricks Connect's version check when the local client and the cluster's runtime differ
    message:
      "Exception: The cluster is running server version `dbr-13.3` but this client only supports `dbr-12.2`. You can find a list of client releases at https://pypi.org/project/databricks-connect/#history",
    resourceType: "task",
    expectedClass: "client-server-version-mismatch",
    expectedCategory: "library",
    source: "Databricks Connect: client and runtime versions must match",
  },
  {
    // .NET's own wording when a referenced assembly is not on the machine (System.IO.FileNotFoundException)
    message:
      "Type=System.IO.FileNotFoundException,Message=Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed' or one of its dependencies. The system cannot find the file specified.,Source=Microsoft.DataTransfer.ClientLibrary",
    resourceType: "activity",
    expectedClass: "dotnet-assembly-load-failure",
    expectedCategory: "library",
    source: ".NET FileNotFoundException for an assembly",
  },
  {
    // the shape every Go program prints when it crashes (Go runtime), as a bundle deployment shows it
    message:
      "Error: terraform apply: exit status 2\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1d3c4a5]\n\ngoroutine 1 [running]:",
    resourceType: "job",
    expectedClass: "go-runtime-panic",
    expectedCategory: "code",
    source: "Go runtime panic output (go.dev/ref/spec#Run_time_panics)",
  },
  {
    message:
      "org.apache.spark.SparkException: Job aborted due to stage failure: Task 2 in stage 4.0 failed 4 times, most recent failure: Lost task 2.3 in stage 4.0: java.lang.NullPointerException",
    resourceType: "task",
    expectedClass: "java-code-error",
    expectedCategory: "code",
    source: "JVM NullPointerException (docs.oracle.com/javase/8/docs/api/java/lang/NullPointerException.html)",
  },
  {
    message:
      "ErrorCode=PolybaseOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Error happened when loading data into SQL Data Warehouse. Operation: 'Polybase operation'.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=HdfsBridge::recordReaderFillBuffer - Unexpected error encountered filling record reader buffer: ClassCastException: ,Source=.Net SqlClient Data Provider,SqlErrorNumber=106000",
    expectedClass: "sql-truncation-conversion",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message: "java.lang.ClassCastException: java.lang.String cannot be cast to java.lang.Integer",
    resourceType: "task",
    expectedClass: "java-class-cast",
    expectedCategory: "schema_data",
    source: "JVM ClassCastException",
  },
  {
    message: "com.databricks.dbutils_v1.InputWidgetNotDefined: No input widget named run_date is defined",
    resourceType: "task",
    expectedClass: "dbx-notebook-parameter-missing",
    expectedCategory: "configuration",
    source: "DBX-KB (InputWidgetNotDefined)",
  },
  {
    message: "Notebook not found: /Repos/data/etl/load_orders",
    resourceType: "task",
    expectedClass: "dbx-notebook-not-found",
    expectedCategory: "configuration",
    source: "DBX-API RESOURCE_DOES_NOT_EXIST (notebook)",
  },
];
