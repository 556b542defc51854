import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  encodeCursor,
  MAX_RESULTS,
  parseSearchQuery,
  SearchParamsSchema,
  toFts5Match,
  toWebsearch,
  toWebsearchPhrase,
  typedPhrase,
} from "./query.ts";

const fts = (q: string) => toFts5Match(parseSearchQuery(q));
const web = (q: string) => toWebsearch(parseSearchQuery(q));

describe("what a person types, as FTS5 and websearch queries", () => {
  it("needs every word, each quoted, and ranks them standing together as typed first", () => {
    expect(fts("rollback blocked")).toBe(`(("rollback" AND "blocked") OR "rollback blocked")`);
    expect(web("rollback blocked")).toBe(`"rollback" "blocked"`);
    expect(toWebsearchPhrase(parseSearchQuery("rollback blocked"))).toBe(`"rollback blocked"`);
    expect(fts("router")).toBe(`"router"`);
    expect(typedPhrase(parseSearchQuery("router"))).toBeNull();
    expect(toWebsearchPhrase(parseSearchQuery("router"))).toBe(`"router"`);
  });

  it("keeps a quoted phrase a phrase", () => {
    expect(parseSearchQuery(`"rollback blocked" config`)).toEqual([
      { text: "rollback blocked", phrase: true, exclude: false },
      { text: "config", phrase: false, exclude: false },
    ]);
    expect(fts(`"rollback  blocked" config`)).toBe(`(("rollback blocked" AND "config") OR "rollback blocked config")`);
    expect(web(`"rollback blocked" config`)).toBe(`"rollback blocked" "config"`);
  });

  it("runs an unclosed quote to the end", () => {
    expect(fts(`"control plane`)).toBe(`"control plane"`);
  });

  it('excludes -word and -"a phrase", but exclusions alone search for nothing', () => {
    expect(fts(`router -attack -"model server"`)).toBe(`"router" NOT ("attack" OR "model server")`);
    expect(typedPhrase(parseSearchQuery(`router -attack config`))).toBe("router config");
    expect(web(`router -attack`)).toBe(`"router" -"attack"`);
    expect(parseSearchQuery("-attack")).toEqual([]);
    expect(fts("-attack")).toBeNull();
    expect(web("-attack")).toBeNull();
  });

  it("treats FTS5 and tsquery syntax as text", () => {
    expect(fts(`NEAR(rollback blocked)`)).toBe(`(("NEAR(rollback" AND "blocked)") OR "NEAR(rollback blocked)")`);
    expect(fts(`text:router`)).toBe(`"text:router"`);
    expect(fts(`rout* OR config`)).toBe(`(("rout*" AND "OR" AND "config") OR "rout* OR config")`);
    expect(fts(`a"b`)).toBe(`(("a" AND "b") OR "a b")`);
    expect(web(`router | config & !x <-> y`)).toBe(`"router" "config" "!x" "y"`);
    expect(web(`cpu:100%`)).toBe(`"cpu:100%"`);
  });

  it("drops terms without a letter or digit, so punctuation alone searches for nothing", () => {
    for (const q of [`"`, `*`, `-`, `:`, `""`, `" "`, `-"-"`, `( ) * : ^`]) {
      expect(parseSearchQuery(q), q).toEqual([]);
      expect(fts(q), q).toBeNull();
      expect(web(q), q).toBeNull();
    }
    expect(fts(`router ** -`)).toBe(`"router"`);
  });

  it("keeps letters of any script", () => {
    expect(fts("Störung 東京")).toBe(`(("Störung" AND "東京") OR "Störung 東京")`);
  });
});

describe("the search parameters", () => {
  it("refuses an empty or too long query", () => {
    expect(SearchParamsSchema.safeParse({ q: "" }).success).toBe(false);
    expect(SearchParamsSchema.safeParse({ q: "   " }).success).toBe(false);
    expect(SearchParamsSchema.safeParse({}).success).toBe(false);
    expect(SearchParamsSchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
    expect(SearchParamsSchema.safeParse({ q: "x".repeat(200) }).success).toBe(true);
  });

  it("reads limit and kinds", () => {
    expect(SearchParamsSchema.parse({ q: " router " })).toEqual({ q: "router", limit: 20 });
    expect(SearchParamsSchema.parse({ q: "a", limit: "5", kinds: "entry,incident,entry" })).toMatchObject({
      limit: 5,
      kinds: ["entry", "incident"],
    });
    expect(SearchParamsSchema.safeParse({ q: "a", limit: "0" }).success).toBe(false);
    expect(SearchParamsSchema.safeParse({ q: "a", limit: "51" }).success).toBe(false);
    expect(SearchParamsSchema.safeParse({ q: "a", kinds: "entry,users" }).success).toBe(false);
  });
});

describe("the cursor", () => {
  it("round-trips an offset and refuses anything else", () => {
    expect(decodeCursor(encodeCursor(20))).toBe(20);
    expect(decodeCursor("20")).toBeNull();
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(encodeCursor(0))).toBeNull();
    expect(decodeCursor(encodeCursor(MAX_RESULTS))).toBeNull();
    expect(decodeCursor(btoa("o:-1"))).toBeNull();
  });
});
