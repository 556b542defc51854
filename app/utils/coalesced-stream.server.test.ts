import { describe, expect, it } from "vitest";
import { CoalescedStream } from "./coalesced-stream.server.ts";

const chunksOf = (stream: CoalescedStream) => {
  const out: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  return out;
};

describe("CoalescedStream", () => {
  it("passes a page written in 2 KB pieces on in a few large chunks, every byte in order", async () => {
    const stream = new CoalescedStream();
    const out = chunksOf(stream);
    const pieces = Array.from({ length: 300 }, (_, i) => Buffer.from(`<p>${i}</p>`.padEnd(2048, " ")));
    for (const piece of pieces) stream.write(piece);
    stream.end();
    await new Promise((resolve) => stream.on("end", resolve));
    expect(Buffer.concat(out).equals(Buffer.concat(pieces))).toBe(true);
    expect(out.length).toBeLessThanOrEqual(10);
  });

  it("does not hold back a small piece (the page's shell) waiting for more", async () => {
    const stream = new CoalescedStream();
    const out = chunksOf(stream);
    stream.write(Buffer.from("<!DOCTYPE html><html>"));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(out).toString()).toBe("<!DOCTYPE html><html>");
    stream.end();
  });
});
