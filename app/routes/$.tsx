import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";
// Any path no other route answers: a 404 from inside the app, so the root's loader has run and a
// signed-in reader keeps the navigation (the root's error boundary draws the page). Paths under
// /status have their own public 404 (status.$.tsx).

export const loader = pageLoader(async function loader() {
  throw new Response("Not found", { status: 404 });
});

export const action = pageAction(async function action() {
  throw new Response("Not found", { status: 404 });
});

/** Never drawn (the loader always throws); its presence makes this a page, answered by the error boundary. */
export default function NotFound() {
  return null;
}
