// Next.js calls register() once per server process: start the in-process job
// worker there (Node.js runtime only), unless WORKER_ENABLED=false. When the
// server was started by scripts/start.ts (NEXT_MANUAL_SIG_HANDLE), shutdown is
// ours: finish or release running jobs, close the database, then exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPipelineWorker } = await import("./lib/pipeline");
  startPipelineWorker();
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { shutdownOnSignals } = await import("./lib/shutdown");
    shutdownOnSignals();
  }
}
