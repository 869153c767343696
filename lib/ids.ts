// Time-ordered ids (UUIDv7 layout) so "newest first" is simply "id desc" and
// rows written by one batch stay in arrival order.
import { randomFillSync } from "node:crypto";

let lastMs = 0;
let seq = 0;

// One system call per 256 ids instead of two per id (intake mints several per request).
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;
function random16(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return out;
}

export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    // Same millisecond (or clock went back): keep ids increasing.
    now = lastMs;
    seq = (seq + 1) & 0xfff;
    if (seq === 0) now = ++lastMs;
  } else {
    seq = 0;
  }
  lastMs = now;
  const bytes = random16();
  if (seq === 0) seq = bytes.readUInt16BE(14) & 0x7ff;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The smallest id minted at or after `at`: time ranges become id ranges (no createdAt index needed). */
export function idFloor(at: Date): string {
  const hex = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}
