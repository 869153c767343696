// A batch whose connection to the database server was lost (a failover, an
// idle timeout, pg_terminate_backend) is retried once on a new connection, if
// and only if it provably did not commit. The intake statement is one
// atomic transaction, so it either committed whole or not at all; the loss
// may still have come after the commit (the reply was lost), and then it must
// never be applied twice. Every webhook delivery writes its AlertEvent under
// an id chosen here, in the same statement as its tickets and jobs: whether
// those ids exist says which of the two happened. (Were the statement still
// running on the server while we look, its late commit would make the retry
// fail whole on the AlertEvent primary key: never a second copy.)
import type { SqlRunner } from "./store";

/** SQLSTATE class 08 (connection exception), 57P01-03 (server shutting down / starting up). */
const LOST_STATE = /^(08|57P0[123])/;
const LOST_SOCKET = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTCONN"]);
/** node-postgres reports a closed socket without a code */
const LOST_MESSAGE = /connection terminated|not queryable|client was closed|connection ended/i;

export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (LOST_STATE.test(code) || LOST_SOCKET.has(code))) return true;
  return LOST_MESSAGE.test(err.message);
}

/** Did any of these AlertEvents commit? */
export async function anyEventStored(sql: SqlRunner, eventIds: string[]): Promise<boolean> {
  const rows = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AlertEvent" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [eventIds],
  );
  return rows[0].n > 0;
}
