// Debian's Chromium (apt-get install -y chromium): Playwright cannot download
// its own browser on these machines. CHROMIUM_PATH overrides the location.
export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Flags that keep Chromium from calling home on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
