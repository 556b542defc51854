// What the room says when Slack is behind (behind.server.ts counts it). Pure, so components may import it.

export type SlackBehind = { waiting: number; since: string; notPosted: number };
