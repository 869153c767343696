#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` never runs it; migrations use the WebAssembly engine.
echo "schema engine binary not available: use npm run db:migrate / db:dev / db:status" >&2
exit 1
