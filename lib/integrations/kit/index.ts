// The integration kit: one result shape, one HTTP call, one Retry-After
// reader, one deadline, one secret scrubber, for every integration.
export { createJsonHttp } from "./http";
export type { ErrorDetail, Exchange, HttpResult, JsonHttp, JsonHttpOptions, JsonRequest, RequestOptions } from "./http";
export { deadline, networkErrorCode } from "./deadline";
export type { Deadline } from "./deadline";
export { dispositionOf, failure, isRetryable, kindForStatus } from "./result";
export type { Disposition, Failure, FailureKind, Ok, Result } from "./result";
export { parseRetryAfter, retryAfterMs } from "./retry-after";
export type { HeaderGetter } from "./retry-after";
export { oneParagraph, scrubSecrets } from "./secrets";
