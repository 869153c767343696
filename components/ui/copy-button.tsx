"use client";
// Copies text to the clipboard and says so; falls back to a hidden textarea on non-secure origins (plain http on an intranet).
import { useState } from "react";
import { Button } from "./button";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

export function CopyButton({
  text,
  label = "Copy",
  "data-testid": testId,
}: {
  text: string;
  label?: string;
  "data-testid"?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const onClick = () => {
    copyText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
    setTimeout(() => setState("idle"), 2_000);
  };
  return (
    <Button size="sm" variant="ghost" onClick={onClick} data-testid={testId} aria-live="polite">
      {state === "copied" ? "Copied ✓" : state === "failed" ? "Copy failed" : label}
    </Button>
  );
}
