// The address to rate-limit a caller by: the last X-Forwarded-For hop, the one
// our own side added (Next's server from the socket, or the nearest proxy),
// which a client cannot choose by sending the header itself.
import type { HeaderSource } from "../auth/authenticate";

export function clientAddress(headers: HeaderSource): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim());
  return (hops.at(-1) || "unknown").replace(/^::ffff:/, "");
}
