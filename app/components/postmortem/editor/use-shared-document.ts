// The browser's side of a post-mortem's shared document: one Yjs document and one Hocuspocus
// provider per post-mortem (all section editors share them), and what the page tells the
// writer about the link: connected, reconnecting, offline, and whether they may edit.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { collabDocumentName } from "~/modules/postmortems/sections.ts";

export type LinkState = "connecting" | "connected" | "reconnecting" | "offline" | "closed";
/**
 * What the server allows: unknown until it answers, then edit, read, or nothing at all; "ended"
 * when it refuses someone it had let in (signed out, disabled, another role: decision 0028).
 */
export type Access = "pending" | "edit" | "read" | "refused" | "ended";

export type SharedDocument = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  link: LinkState;
  access: Access;
  /** the first full copy arrived from the server (editors are shown from then on) */
  loaded: boolean;
  /** local changes the server has not confirmed yet */
  unsent: number;
};

/**
 * Same host and port as the page; wss behind https. The post-mortem is named in the URL too
 * (the server reads the document's name from the messages), so a proxy can send everyone
 * editing one post-mortem to the same instance (deploy/nginx.conf).
 */
export function collabUrl(location: Pick<Location, "protocol" | "host">, postmortemId: string): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab?postmortem=${encodeURIComponent(postmortemId)}`;
}

/** A dropped link is retried within a few seconds, not after the provider's default 30. */
const LONGEST_RETRY_DELAY_MS = 4_000;

export function useSharedDocument(postmortemId: string): SharedDocument | null {
  const [shared, setShared] = useState<Pick<SharedDocument, "doc" | "provider"> | null>(null);
  const [connected, setConnected] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  const [online, setOnline] = useState(true);
  const [access, setAccess] = useState<Access>("pending");
  const [loaded, setLoaded] = useState(false);
  const [unsent, setUnsent] = useState(0);

  useEffect(() => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl(window.location, postmortemId), maxDelay: LONGEST_RETRY_DELAY_MS });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: collabDocumentName(postmortemId),
      document: doc,
      // The session cookie is what the server checks; the provider sends an empty token.
      token: null,
      onStatus: ({ status }) => {
        setConnected(status === "connected");
        if (status === "connected") setEverConnected(true);
      },
      onAuthenticated: ({ scope }) => setAccess(scope === "readonly" ? "read" : "edit"),
      onAuthenticationFailed: () => setAccess((before) => (before === "edit" || before === "read" ? "ended" : "refused")),
      onSynced: ({ state }) => {
        if (state) setLoaded(true);
      },
      onUnsyncedChanges: ({ number }) => setUnsent(number),
    });
    provider.attach();
    setShared({ doc, provider });

    setOnline(navigator.onLine);
    // Back online: try at once instead of waiting for the next retry.
    const goOnline = () => {
      setOnline(true);
      void socket.connect();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      provider.destroy();
      socket.destroy();
      doc.destroy();
      setShared(null);
    };
  }, [postmortemId]);

  if (!shared) return null;
  const shut = access === "refused" || access === "ended";
  const link: LinkState = shut ? "closed" : !online ? "offline" : connected ? "connected" : everConnected ? "reconnecting" : "connecting";
  return { ...shared, link, access, loaded, unsent };
}
