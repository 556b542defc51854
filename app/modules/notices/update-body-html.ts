// How a published update's body is drawn as HTML in the email's HTML part: with the same component
// the public page draws it with (components/status-page/update-html.server.tsx). Modules know no
// React, so the drawing is handed in once at start (startup.server.ts, for the web process and the
// worker alike). Until then (a command-line tool, a unit test) notices use plain paragraphs.
type DrawBody = (status: string, body: string) => string;

let draw: DrawBody | null = null;

export function drawUpdateBodiesWith(drawBody: DrawBody): void {
  draw = drawBody;
}

/** The body as the public page draws it, or undefined before the drawing is handed in. */
export function updateBodyHtml(status: string, body: string): string | undefined {
  return draw?.(status, body);
}
