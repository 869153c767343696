"use client";
// The main navigation; marks the current section for sighted and screen-reader users alike.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCan } from "../auth/principal-context";
import { cn } from "../ui/cn";

const LINKS = [
  { href: "/", label: "Tickets", match: (path: string) => path === "/" || path.startsWith("/tickets") },
  { href: "/metrics", label: "Metrics", match: (path: string) => path.startsWith("/metrics") },
  { href: "/remediation", label: "Remediation", match: (path: string) => path.startsWith("/remediation") },
  { href: "/deliveries", label: "Deliveries", match: (path: string) => path.startsWith("/deliveries") },
  { href: "/audit", label: "Audit", match: (path: string) => path.startsWith("/audit") },
  { href: "/setup", label: "Setup", match: (path: string) => path.startsWith("/setup") },
  { href: "/access", label: "Access", match: (path: string) => path.startsWith("/access"), admin: true },
];

export function NavLinks() {
  const pathname = usePathname() ?? "/";
  const admin = useCan("admin");
  return (
    <nav aria-label="Main" data-testid="main-nav">
      <ul className="flex items-center gap-1">
        {LINKS.filter((link) => admin || !("admin" in link)).map((link) => {
          const active = link.match(pathname);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                data-testid={`nav-${link.label.toLowerCase()}`}
                className={cn(
                  "rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
                  active
                    ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
