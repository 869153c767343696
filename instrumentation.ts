// Next.js calls register() once per server process: start the in-process job
// worker there (Node.js runtime only), unless WORKER_ENABLED=false.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPipelineWorker } = await import("./lib/pipeline");
  startPipelineWorker();
}
