// The client's address, for the rate limits. server.ts writes it into this header on every
// request (from the socket, or from X-Forwarded-For with TRUST_PROXY=1), overwriting whatever
// the client sent, so a client cannot choose its own address.
export const CLIENT_ADDRESS_HEADER = "x-incident-desk-client-address";

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
