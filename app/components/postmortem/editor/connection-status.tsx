// How the page's link to the shared document stands, in words (colour is a second cue only).
import type { LinkState } from "./use-shared-document.ts";

const TEXT: Record<LinkState, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting… your changes are kept and sent when the link is back",
  offline: "Offline: your changes are kept and sent when you are back online",
  closed: "Closed: the server no longer lets this page edit or read the document",
};

const DOT: Record<LinkState, string> = {
  connecting: "bg-slate-400",
  connected: "bg-green-600",
  reconnecting: "bg-amber-500",
  offline: "bg-red-600",
  closed: "bg-slate-600",
};

export function ConnectionStatus({ link, unsent }: { link: LinkState; unsent: number }) {
  return (
    <p
      className="flex items-center gap-1.5 text-sm text-slate-700"
      role="status"
      aria-live="polite"
      data-testid="collab-connection"
      data-state={link}
    >
      <span aria-hidden className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${DOT[link]}`} />
      <span>{TEXT[link]}</span>
      {link === "connected" && unsent > 0 ? <span className="text-slate-600">· sending changes…</span> : null}
    </p>
  );
}
