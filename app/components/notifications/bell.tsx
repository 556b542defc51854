// The bell in the navigation: your unread count from the page's loader, kept current by your
// notification stream (GET /api/v1/notifications/events), so it rises without a reload.
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";

export function NotificationBell({ unread: fromLoader }: { unread: number }) {
  const [unread, setUnread] = useState(fromLoader);
  // a navigation brings a fresh count (say, after opening one)
  useEffect(() => setUnread(fromLoader), [fromLoader]);
  useEffect(() => {
    const source = new EventSource("/api/v1/notifications/events");
    source.addEventListener("count", (event) => {
      const count = Number(JSON.parse((event as MessageEvent<string>).data).unread);
      if (Number.isFinite(count)) setUnread(count);
    });
    return () => source.close();
  }, []);
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link
      to="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex items-center rounded px-1 py-1 text-slate-200 no-underline hover:bg-slate-700 hover:no-underline"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.7rem] font-bold leading-[1.1rem] text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
