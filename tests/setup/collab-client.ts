// A collaborator in Node, as the browser's editor is one: a Hocuspocus provider over `ws`
// carrying a session cookie, writing paragraphs into a section's XML fragment the way the
// tiptap binding does. For the integration tests of /collab.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { collabUrl } from "~/components/postmortem/editor/use-shared-document.ts";

const DEMO_PASSWORD = "demo-password-2026";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signs in through the login form; the `__session=…` pair to send as a cookie. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const login = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  if (login.status !== 302) throw new Error(`sign-in as ${email}: ${login.status}`);
  return login.headers.get("set-cookie")!.split(";")[0];
}

export async function waitFor<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await sleep(100);
  }
}

/** The text of a section of a shared document, one line per block. */
export function docText(doc: Y.Doc, key: string): string {
  const text = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): string =>
    node instanceof Y.XmlText
      ? node
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === "string" ? d.insert : ""))
          .join("")
      : node instanceof Y.XmlElement
        ? node.toArray().map(text).join("")
        : "";
  return doc.getXmlFragment(key).toArray().map(text).join("\n");
}

export type Collaborator = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** "read-write", "readonly", or "refused: <reason>" */
  scope: Promise<string>;
  /** close codes of the websocket so far */
  closes: number[];
  /** every answer to the provider's authentication so far, reconnections included ("readonly", "refused: …") */
  answers: string[];
  synced(): Promise<void>;
  /** resolves when the server has confirmed every local change */
  sent(): Promise<void>;
  /** appends a paragraph to a section; `marks` as y-tiptap stores them ({ link: { href } }) */
  write(key: string, text: string, marks?: Record<string, unknown>): void;
  destroy(): void;
};

/** `headers`: more request headers for the websocket upgrade (an X-Forwarded-For behind a proxy). */
export function collaborate(
  baseUrl: string,
  postmortemId: string,
  cookie: string | null,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Collaborator {
  const headers = { ...extraHeaders, ...(cookie ? { cookie } : {}) };
  class CookieSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
      // Closing a socket still connecting makes `ws` emit "error" on the next tick, after the
      // provider has let go of its handlers: unheard, it is an uncaught exception that fails the
      // run. The close codes above are how a test sees what happened.
      this.on("error", () => {});
    }
  }
  const doc = new Y.Doc();
  const closes: number[] = [];
  const answers: string[] = [];
  let settle: (scope: string) => void = () => {};
  const scope = new Promise<string>((resolve) => (settle = resolve));
  const socket = new HocuspocusProviderWebsocket({
    url: collabUrl(new URL(baseUrl), postmortemId),
    WebSocketPolyfill: CookieSocket,
    maxDelay: 1_000,
    onClose: ({ event }) => closes.push(event.code),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `postmortem:${postmortemId}`,
    document: doc,
    token: token ?? null,
    onAuthenticated: ({ scope }) => {
      answers.push(scope);
      settle(scope);
    },
    onAuthenticationFailed: ({ reason }) => {
      answers.push(`refused: ${reason}`);
      settle(`refused: ${reason}`);
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    scope,
    closes,
    answers,
    synced: () => waitFor(() => provider.synced, Boolean, "the first sync").then(() => {}),
    sent: () =>
      waitFor(
        () => provider.hasUnsyncedChanges,
        (unsent) => !unsent,
        "the server to confirm every change",
      ).then(() => {}),
    write(key, text, marks) {
      doc.transact(() => {
        const paragraph = new Y.XmlElement("paragraph");
        doc.getXmlFragment(key).push([paragraph]);
        const words = new Y.XmlText();
        paragraph.insert(0, [words]);
        words.insert(0, text, marks);
      });
    },
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** The HTTP status a websocket upgrade gets (101 when it is accepted). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws"), { headers });
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    ws.on("error", (error) => reject(error));
  });
}
