// POSTs a form's JSON to an auth route; answers the error message to show, or null when it worked.
export async function postForm(path: string, body: unknown): Promise<string | null> {
  try {
    const res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.ok) return null;
    const answer = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
    if (res.status === 401) return "Wrong e-mail or password, or the account is disabled.";
    return answer.message ?? `The server answered HTTP ${res.status}.`;
  } catch {
    return "Cannot reach the RCA Desk server.";
  }
}
