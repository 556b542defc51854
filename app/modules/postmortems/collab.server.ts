// Live collaborative editing of post-mortems: a Hocuspocus instance without a listener of its
// own. server.ts accepts websockets on /collab (with a payload limit) and hands each one to
// `acceptCollaborator`; this module decides who may connect and how (read-only or not),
// loads and stores the shared document (shared-document.server.ts), and stores every open
// document when the app shuts down. docs/decisions/0014-collaborative-postmortems.md.
import { isDomainError } from "~/utils/errors.ts";
import type { IncomingMessage } from "node:http";
import { Hocuspocus, type Document, type onStoreDocumentPayload } from "@hocuspocus/server";
import type { WebSocket } from "ws";
import type { Actor } from "~/modules/auth/actor.ts";
import { CLIENT_ADDRESS_HEADER } from "~/modules/auth/client-address.ts";
import { tokenGuessRefusal, type Refusal } from "~/modules/auth/limits.server.ts";
import { watchAccess } from "~/modules/auth/live-access.server.ts";
import { actorFromToken, sessionActor } from "~/modules/auth/principal.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { lookUpSession, readSessionSecret } from "~/modules/auth/session.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { PmDoc } from "./document.ts";
import { collabDocumentName, type SectionKey } from "./sections.ts";
import { isLockedForEditing, sectionSchema } from "./shared-document.ts";
import { sharedEditingExtensions } from "./collab-redis.server.ts";
import { findPostmortemState, loadSharedDocument, storeSharedDocument } from "./shared-document.server.ts";
import { singleton } from "~/utils/singleton.ts";

/** Larger than any edit a person makes (a section is at most 256 KB); server.ts refuses bigger messages. */
export const MAX_COLLAB_MESSAGE_BYTES = 2 * 1024 * 1024;
/** Quiet time after the last change before a store; a document in constant use is stored at least this often. */
const STORE_AFTER_MS = 2_000;
const STORE_AT_LEAST_EVERY_MS = 10_000;
const RETRY_STORE_MS = 5_000;
/** A websocket close code of the private range: "what you may do changed, connect again". */
const RECONNECT_CODE = 4000;
/** A client that does not answer a close within this time loses its socket anyway. */
const CLOSE_GRACE_MS = 2_000;

/** `revoked`: the person's access changed while connected; nothing more they send is applied. */
type CollaboratorContext = { actor: Actor; postmortemId: string; readOnly: boolean; revoked: boolean };

const DOCUMENT_NAME = /^postmortem:([0-9a-z]{1,40})$/;

function postmortemIdOf(documentName: string): string | null {
  return DOCUMENT_NAME.exec(documentName)?.[1] ?? null;
}

/** Hocuspocus tells the browser `reason` and keeps the socket; nothing of the document is sent. */
function refuse(reason: string): { reason: string } {
  return { reason };
}

const addressOf = (request: IncomingMessage) => String(request.headers[CLIENT_ADDRESS_HEADER] ?? "unknown");
const sessionSecretOf = (request: IncomingMessage) =>
  readSessionSecret(new Request("http://collab.invalid/", { headers: { cookie: request.headers.cookie ?? "" } }));

/**
 * The person behind the upgrade request: the session cookie (a same-origin websocket carries
 * it), or an API token sent as the provider's token, for scripts, acting with the lower of its
 * role and its owner's (principal.server.ts). A wrong token counts against the address in the
 * API's limit; "rate-limited" while the address has sent too many.
 */
async function collaboratorOf(request: IncomingMessage, token: string): Promise<Actor | null | "rate-limited"> {
  const secret = sessionSecretOf(request);
  const found = secret ? await lookUpSession(secret) : null;
  if (found && "session" in found) return sessionActor(found.session);
  if (!token) return null;
  try {
    return await actorFromToken(token, addressOf(request));
  } catch (refusal) {
    if (isDomainError(refusal, "rate_limited")) return "rate-limited";
    if (isDomainError(refusal, "unauthorized")) return null;
    throw refusal;
  }
}

/**
 * An upgrade that brings no session while its address is limited for wrong tokens could only try
 * another token: it is refused with 429 before the socket opens, as the API would refuse it.
 */
export async function collabUpgradeRefusal(request: IncomingMessage): Promise<Refusal | null> {
  if (sessionSecretOf(request)) return null;
  return tokenGuessRefusal(addressOf(request));
}

/** The websocket of each upgrade request, so a connection can be closed when its person's access changes. */
const socketOf = new WeakMap<IncomingMessage, WebSocket>();

/** Who changed each open document since it was last stored (for the audit log). */
const editorsSinceStore = new WeakMap<object, Map<string, Actor>>();
const storing = new Set<Promise<unknown>>();

function createCollaboration(): Hocuspocus {
  const instance: Hocuspocus = new Hocuspocus({
    name: "postmortems",
    quiet: true,
    debounce: STORE_AFTER_MS,
    maxDebounce: STORE_AT_LEAST_EVERY_MS,
    // with REDIS_URL: changes and carets relayed to the other instances (collab-redis.server.ts)
    extensions: sharedEditingExtensions(),

    async onAuthenticate({ request, token, documentName, connectionConfig }) {
      const actor = await collaboratorOf(request, token);
      if (actor === "rate-limited") throw refuse("rate-limited");
      if (!actor) throw refuse("sign-in-required");
      const postmortemId = postmortemIdOf(documentName);
      const state = postmortemId ? await findPostmortemState(postmortemId) : null;
      if (!postmortemId || !state) throw refuse("no-such-postmortem");
      const readOnly = !can(actor.role, "postmortem:write") || isLockedForEditing(state);
      connectionConfig.readOnly = readOnly;
      const context: CollaboratorContext = { actor, postmortemId, readOnly, revoked: false };
      const socket = socketOf.get(request);
      if (socket && socket.readyState === socket.OPEN) {
        // a role change, disabling, ended sessions or a revoked token: reconnect and be asked again
        const unwatch = watchAccess(actor, () => {
          context.revoked = true;
          socket.close(RECONNECT_CODE, "access changed");
          setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
        });
        socket.once("close", unwatch);
      }
      logger.info({ postmortemId, userId: actor.userId, readOnly }, "collaborator connected");
      return context;
    },

    async beforeHandleMessage({ context }) {
      // between the change and the socket's close, what the person still sends is dropped
      if ((context as Partial<CollaboratorContext>).revoked) {
        throw Object.assign(new Error("access changed"), { code: RECONNECT_CODE, reason: "access changed" });
      }
    },

    async onLoadDocument({ document, documentName }) {
      await loadSharedDocument(postmortemIdOf(documentName)!, document);
    },

    async onChange({ context, document }) {
      const actor = (context as Partial<CollaboratorContext>).actor;
      if (!actor) return; // a change the server made (a merge from another instance, a dropped element)
      const editors = editorsSinceStore.get(document) ?? new Map<string, Actor>();
      editors.set(actor.userId, actor);
      editorsSinceStore.set(document, editors);
    },

    async onStoreDocument(payload) {
      const { document, documentName } = payload;
      const editors = [...(editorsSinceStore.get(document)?.values() ?? [])];
      editorsSinceStore.delete(document);
      const store = storeSharedDocument(postmortemIdOf(documentName)!, document, editors)
        .then((outcome) => {
          // Approved or published meanwhile: what this copy holds beyond the stored state is
          // dropped with it, and everyone reconnects read-only.
          if (outcome === "locked") reconnectEveryone(document);
        })
        .catch((error: unknown) => {
          // Still in memory: put the editors back and try again a little later.
          logger.error({ err: error, documentName }, "storing the shared document failed; retrying");
          const again = editorsSinceStore.get(document) ?? new Map<string, Actor>();
          for (const editor of editors) again.set(editor.userId, editor);
          editorsSinceStore.set(document, again);
          setTimeout(() => void instance.storeDocumentHooks(document, payload as onStoreDocumentPayload), RETRY_STORE_MS).unref();
        });
      storing.add(store);
      await store.finally(() => storing.delete(store));
    },
  });
  return instance;
}

const collaboration: Hocuspocus = singleton("collaboration", createCollaboration);
let stopped = false;

/** Takes over a websocket accepted on /collab. */
export function acceptCollaborator(socket: WebSocket, request: IncomingMessage): void {
  if (stopped) {
    socket.close(1012, "restarting");
    return;
  }
  socketOf.set(request, socket);
  collaboration.handleConnection(socket, request);
}

/** Open live-editing connections in this process (for /metrics). */
export function collaboratorCount(): number {
  return collaboration.getConnectionsCount();
}

/** Stores every open document with unsaved changes now, and waits for stores under way. */
async function storeOpenDocuments(): Promise<void> {
  const flushes = [...collaboration.documents.values()].map((document) => {
    const key = `onStoreDocument-${document.name}`;
    return collaboration.debouncer.isDebounced(key) ? collaboration.debouncer.executeNow(key) : document.saveMutex.waitForUnlock();
  });
  await Promise.allSettled([...flushes, ...storing]);
}

/**
 * Closes the sockets of everyone on a document (Hocuspocus' own closeConnections leaves the
 * socket open and the browser's provider waiting); their providers reconnect at once and are
 * authenticated again, so each gets what they may do now.
 */
function reconnectEveryone(document: Document): void {
  for (const socket of document.connections.keys()) socket.close(RECONNECT_CODE, "access changed");
}

/**
 * Ends live editing of one post-mortem as it is (after it is approved, say): unsaved changes
 * are stored first, then its editors reconnect and get what they may do now.
 */
export async function endLiveEditing(postmortemId: string): Promise<void> {
  const name = collabDocumentName(postmortemId);
  if (collaboration.debouncer.isDebounced(`onStoreDocument-${name}`)) await collaboration.debouncer.executeNow(`onStoreDocument-${name}`);
  const document = collaboration.documents.get(name);
  if (document) reconnectEveryone(document);
}

/** Stores what live editors typed and is not stored yet (before a review move reads the sections). */
export async function flushLiveEditing(postmortemId: string): Promise<void> {
  const key = `onStoreDocument-${collabDocumentName(postmortemId)}`;
  if (collaboration.debouncer.isDebounced(key)) await collaboration.debouncer.executeNow(key);
}

/**
 * Replaces one section's text through the shared document (the API's section PUT), so people
 * editing it live see the change at once and no stale copy overwrites it. Stored at once.
 */
export async function replaceSharedSection(postmortemId: string, key: SectionKey, doc: PmDoc): Promise<void> {
  const connection = await collaboration.openDirectConnection(collabDocumentName(postmortemId), {});
  try {
    await connection.transact((document) => {
      // An empty section keeps the one empty paragraph every editor types into (shared-document.ts).
      const content = doc.content.length ? doc : { type: "doc", content: [{ type: "paragraph" }] };
      document.transact(() => prosemirrorJSONToYXmlFragment(sectionSchema(), content, document.getXmlFragment(key)));
    });
  } finally {
    await connection.disconnect();
  }
}

/** On shutdown, before the database disconnects: nothing typed is lost. */
export async function stopCollaboration(): Promise<void> {
  stopped = true;
  await storeOpenDocuments();
  for (const document of collaboration.documents.values()) reconnectEveryone(document);
  await Promise.allSettled([...storing]);
}
