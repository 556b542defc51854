// A subscriber as the admin pages, the API and the subscription pages show it (subscribers.server.ts
// reads it). Pure, so components may import it.

export type SubscriberView = {
  id: string;
  email: string;
  source: string;
  askedAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  /** a hard bounce: nothing is sent until the reader subscribes again and confirms */
  bouncedAt: string | null;
  /** [] = every component */
  components: { id: string; name: string }[];
};
