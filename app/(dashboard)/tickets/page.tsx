// "/tickets" — the list lives at "/"; keep the natural URL working.
import { redirect } from "next/navigation";

export default function TicketsIndexPage() {
  redirect("/");
}
