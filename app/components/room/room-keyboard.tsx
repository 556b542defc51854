// The incident room from the keyboard: single keys (c, s, p, u, t, m, ?) outside any field,
// and a command palette on Ctrl/⌘+K. "?" lists the keys. Both are native dialogs, so focus
// stays inside while open and Escape closes them. Only the keys of actions the reader may take
// are listed and answered: a viewer's room has no c, s or p.
import { useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { RoomFormOutcome } from "~/modules/incidents/forms.ts";
import { commandForKey, matchCommands, PALETTE_KEY_LABEL, roomKeysFor, type RoomCommand } from "./shortcuts.ts";

type Props = {
  incidentId: string;
  /** the newest entry, for "pin the last entry" (null when there is none or the role cannot write) */
  lastEntry: { id: string; pinned: boolean } | null;
  canWrite: boolean;
  /** the comms tab has no composer, status controls or entries: only the tab keys work there */
  tab?: "timeline" | "comms";
};

const focus = (selector: string) => (document.querySelector(selector) as HTMLElement | null)?.focus();

/** The hint at the end of the incident's tabs (the layout shows it on the tabs that answer keys). */
export function KeysHint() {
  return (
    <span className="hidden text-xs text-slate-600 sm:inline print:hidden">
      Keys: press <kbd className="rounded border border-slate-300 bg-white px-1">?</kbd> for the list, {PALETTE_KEY_LABEL} for commands.
    </span>
  );
}

export function RoomKeyboard({ incidentId, lastEntry, canWrite, tab = "timeline" }: Props) {
  const navigate = useNavigate();
  const pin = useFetcher<RoomFormOutcome>();
  const help = useRef<HTMLDialogElement>(null);
  const palette = useRef<HTMLDialogElement>(null);
  const [said, setSaid] = useState("");

  // only the keys of what this reader may do here are listed, offered and answered
  const keys = useMemo(() => roomKeysFor({ canWrite, tab }), [canWrite, tab]);
  const commands = useMemo(() => keys.filter((k) => k.command !== "help"), [keys]);

  const run = (command: RoomCommand) => {
    palette.current?.close();
    switch (command) {
      case "composer":
        return focus('[data-testid="composer"]');
      case "status":
        return focus('section[aria-label="Status"] button');
      case "pin-last":
        if (!lastEntry) return setSaid("There is no entry to pin yet.");
        if (lastEntry.pinned) return setSaid("The last entry is already pinned.");
        pin.submit({ intent: "pin-entry", entryId: lastEntry.id, pinned: "true" }, { method: "post", action: `/incidents/${incidentId}` });
        return setSaid("Pinned the last entry.");
      case "comms":
        return navigate(`/incidents/${incidentId}/comms`);
      case "timeline":
        return navigate(`/incidents/${incidentId}`);
      case "postmortem":
        return navigate(`/incidents/${incidentId}/postmortem`);
      case "help":
        return help.current?.showModal();
      case "palette":
        return palette.current?.open ? palette.current.close() : palette.current?.showModal();
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (help.current?.open || (palette.current?.open && event.key !== "k" && event.key !== "K")) return;
      const command = commandForKey(event);
      if (!command || (command !== "palette" && !keys.some((k) => k.command === command))) return;
      if (command === "composer" && event.key === "/") return; // the composer handles "/" itself
      event.preventDefault();
      run(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, lastEntry?.id, lastEntry?.pinned, keys]);

  return (
    <>
      <p className="sr-only" role="status" aria-live="polite">
        {said}
      </p>
      <dialog
        ref={help}
        aria-labelledby="room-keys-title"
        className="m-auto rounded-lg border border-slate-300 p-4 shadow-xl backdrop:bg-slate-900/40"
        data-testid="keyboard-help"
      >
        <h2 id="room-keys-title" className="mb-2 text-lg font-semibold">
          Keys in the incident room
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {[...keys, { key: PALETTE_KEY_LABEL, label: "Open the command palette", command: "palette" as const }].map((k) => (
            <div key={k.key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">{k.key}</kbd>
              </dt>
              <dd>{k.label}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-3 text-right">
          <button className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">Close</button>
        </form>
      </dialog>
      <CommandPalette dialog={palette} commands={commands} onRun={run} />
    </>
  );
}

function CommandPalette({
  dialog,
  commands,
  onRun,
}: {
  dialog: React.RefObject<HTMLDialogElement>;
  commands: { command: RoomCommand; label: string; key: string }[];
  onRun: (c: RoomCommand) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const shown = matchCommands(commands, query);
  const chosen = shown[Math.min(active, shown.length - 1)];
  return (
    <dialog
      ref={dialog}
      aria-label="Command palette"
      className="mx-auto mt-24 w-full max-w-lg rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      onClose={() => {
        setQuery("");
        setActive(0);
      }}
      data-testid="command-palette"
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Command
      </label>
      <input
        id={`${id}-input`}
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={chosen ? `${id}-${chosen.command}` : undefined}
        value={query}
        placeholder="Type a command…"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, shown.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter" && chosen) onRun(chosen.command);
          else return;
          e.preventDefault();
        }}
        className="w-full border-b border-slate-300 px-3 py-2.5 outline-none"
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Commands" className="max-h-72 overflow-auto py-1">
        {shown.map((c) => (
          <li
            key={c.command}
            id={`${id}-${c.command}`}
            role="option"
            aria-selected={c === chosen}
            onClick={() => onRun(c.command)}
            className={`flex cursor-pointer justify-between px-3 py-1.5 text-sm ${c === chosen ? "bg-slate-900 text-white" : "text-slate-900"}`}
          >
            <span>{c.label}</span>
            <kbd className="font-mono text-xs opacity-80">{c.key}</kbd>
          </li>
        ))}
        {shown.length === 0 ? <li className="px-3 py-1.5 text-sm text-slate-600">No command matches.</li> : null}
      </ul>
    </dialog>
  );
}
