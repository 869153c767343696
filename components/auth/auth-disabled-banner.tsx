// Shown on every page while AUTH_DISABLED=true: anyone who can reach the server is an admin.
export function AuthDisabledBanner() {
  return (
    <div
      role="alert"
      data-testid="auth-disabled-banner"
      className="bg-red-600 px-4 py-1.5 text-center text-sm font-medium text-white"
    >
      Sign-in is disabled (AUTH_DISABLED=true): anyone who can reach this server can do anything. For local demos only.
    </div>
  );
}
