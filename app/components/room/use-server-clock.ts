// The server's clock in the browser: a countdown that reads the reader's own clock would be as
// wrong as that clock. The loader says what time it is on the server; the browser keeps the
// difference and ticks from its own clock plus that difference, so no reload is needed.
import { useEffect, useState } from "react";

/** Now on the server's clock (ms), ticking every `everyMs`; the server's instant itself while rendering on the server and hydrating. */
export function useServerNow(serverNow: string, everyMs = 1000): number {
  const served = new Date(serverNow).getTime();
  const [now, setNow] = useState(served);
  useEffect(() => {
    // measured once per answer from the server: the time the page took to arrive is the error, well under a tick
    const offset = served - Date.now();
    setNow(Date.now() + offset);
    const t = setInterval(() => setNow(Date.now() + offset), everyMs);
    return () => clearInterval(t);
  }, [served, everyMs]);
  return now;
}
