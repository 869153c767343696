// One signal for "our timeout or the caller's cancellation", and which of the
// two fired, so a timeout and a cancelled job are reported differently.

export interface Deadline {
  signal: AbortSignal;
  /** null while running */
  reason(): "timeout" | "cancelled" | null;
  /** resolves (never rejects) when the deadline fires; for racing calls that ignore signals */
  stopped: Promise<"timeout" | "cancelled">;
}

export function deadline(timeoutMs: number, caller?: AbortSignal): Deadline {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([timeout, caller]) : timeout;
  const reason = () => (timeout.aborted ? "timeout" : caller?.aborted ? "cancelled" : null);
  const stopped = new Promise<"timeout" | "cancelled">((resolve) => {
    const settle = () => resolve(reason() ?? "cancelled");
    if (signal.aborted) settle();
    else signal.addEventListener("abort", settle, { once: true });
  });
  return { signal, reason, stopped };
}

/** The low-level code of a thrown network error (ECONNREFUSED, UND_ERR_SOCKET, SELF_SIGNED_CERT_IN_CHAIN). */
export function networkErrorCode(err: unknown): string {
  if (!(err instanceof Error)) return "unknown error";
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (typeof e === "object" && "code" in e && typeof e.code === "string" && e.code) return e.code;
    e = (e as { cause?: unknown }).cause;
  }
  return err.name;
}
