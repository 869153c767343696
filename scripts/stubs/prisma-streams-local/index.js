// Loaded only by `prisma dev`, which this project does not use (see package.json "overrides").
export async function startLocalDurableStreamsServer() {
  throw new Error("`prisma dev` is not supported in this project: it uses PGlite or PostgreSQL through DATABASE_URL.");
}
