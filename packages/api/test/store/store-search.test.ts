/** Full-text search on both databases: what is indexed, ranking, snippets, filters, and any text a user types. */
import type { TheatreDocument } from "@parley/domain";
import { smallTheatre } from "@parley/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmptySearch, searchTexts } from "../../src/store/search-text";
import type { SearchHit, Store } from "../../src/store/store";
import { storeCases } from "../stores";
import { sqliteIntegrity } from "./raw-database";

/** A second theatre, so that filters have something to leave out. */
function freedonia(): TheatreDocument {
  const document = smallTheatre();
  document.theatre = { ...document.theatre, id: "freedonia", name: "Freedonia" };
  document.actors[1] = { ...document.actors[1]!, description: "Rebels of Freedonia, unlike the others." };
  document.interests[2] = {
    ...document.interests[2]!,
    objective: "Broker a truce: a broker earns trust, and the broker waits.",
  };
  document.actors[3] = {
    ...document.actors[3]!,
    aliases: ["the broker", "Office of the Special Envoy for the Peace Process", "OSEPP"],
  };
  document.actors[0] = { ...document.actors[0]!, aliases: ["Türkiye-Brücke", "Ålesund Łódź"] };
  return document;
}

describe("searchTexts", () => {
  it("takes each kind's named fields and every citation's quote, nested ones included", () => {
    const document = smallTheatre();
    expect(searchTexts("actors", document.actors[3])).toEqual([
      { field: "name", text: "Mediator" },
      { field: "aliases", text: "the broker" },
      { field: "description", text: "Mediates." },
      { field: "quote", text: "The mediator talks." },
    ]);
    expect(searchTexts("interests", document.interests[0]).map((t) => t.field)).toEqual([
      "objective",
      "quote",
    ]);
    const area = searchTexts("cooperationAreas", document.cooperationAreas[0]);
    expect(area.slice(0, 2)).toEqual([
      { field: "name", text: "Ceasefire" },
      { field: "description", text: "A ceasefire." },
    ]);
    // Quoted twice in the area (its own citations and its assessment's), indexed once.
    expect(area.filter((t) => t.text === "A ceasefire is possible.")).toEqual([
      { field: "quote", text: "A ceasefire is possible." },
    ]);
    expect(
      searchTexts("scenarios", document.scenarios[0])
        .slice(0, 2)
        .map((t) => t.field),
    ).toEqual(["name", "description"]);
    expect(searchTexts("issues", document.issues[0])).toEqual([
      { field: "quote", text: "Autonomy is disputed." },
    ]);
  });
});

describe.each(storeCases())("search on $dialect", (storeCase) => {
  let store: Store;
  let location: string;
  const search = (
    text: string,
    more: { theatreId?: string; kinds?: SearchHit["kind"][]; limit?: number } = {},
  ) => store.search({ text, limit: 20, ...more });

  beforeAll(async () => {
    ({ store, location } = await storeCase.open(() => [smallTheatre(), freedonia()]));
  });
  afterAll(async () => {
    await store?.close();
    if (storeCase.dialect === "sqlite") expect(sqliteIntegrity(location)).toBe("ok");
  });

  it("finds an actor by an alias, with the matched words marked in the snippet", async () => {
    // In Freedonia the alias is one of many words, and an objective says "broker" three times:
    // a match in a name or alias still comes first.
    const hits = await search("broker", { theatreId: "freedonia" });
    expect(hits.map((hit) => [hit.kind, hit.entityId, hit.field])).toEqual([
      ["actors", "mediator", "aliases"],
      ["interests", "capital-peace", "objective"],
    ]);
    expect(hits[0]).toMatchObject({
      theatreId: "freedonia",
      kind: "actors",
      entityId: "mediator",
      field: "aliases",
    });
    expect(hits[0]!.snippet).toContain("«broker»");
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it("finds words by their stem, and the last word by its beginning", async () => {
    const fights = await search("fighting", { theatreId: "ruritania" });
    expect(fights.map((hit) => [hit.kind, hit.entityId, hit.field])).toContainEqual([
      "actors",
      "rebels",
      "quote",
    ]);
    const prefix = await search("medi", { theatreId: "ruritania", kinds: ["actors"] });
    expect(prefix[0]).toMatchObject({ entityId: "mediator", field: "name" });
    expect(prefix[0]!.snippet).toMatch(/«Media/);
  });

  it("matches letters with diacritics and plain ones alike, either way round", async () => {
    for (const text of ["turkiye", "Türkiye", "TURKIYE brucke", "alesund łodz", "Ålesund", "łódź"]) {
      const hits = await search(text);
      expect(
        hits.map((hit) => [hit.theatreId, hit.entityId, hit.field]),
        text,
      ).toEqual([["freedonia", "capital", "aliases"]]);
    }
    expect((await search("Médiator")).map((hit) => hit.entityId)).toContain("mediator");
    // A letter that is another letter, not one with a diacritic, stays itself on both databases.
    expect(await search("lodz")).toEqual([]);
  });

  it("finds quotes anywhere in an entity, and every word must match", async () => {
    const hits = await search("ceasefire possible");
    expect(hits.map((hit) => [hit.kind, hit.entityId, hit.field])).toEqual([
      ["cooperationAreas", "ceasefire", "quote"],
      ["cooperationAreas", "ceasefire", "quote"],
    ]);
    expect(new Set(hits.map((hit) => hit.theatreId))).toEqual(new Set(["ruritania", "freedonia"]));
    expect(await search("ceasefire nonexistentword")).toEqual([]);
  });

  it("ranks a short name that is the word above longer texts that mention it, best first", async () => {
    const hits = await search("rebels", { theatreId: "freedonia" });
    expect(hits[0]).toMatchObject({ kind: "actors", entityId: "rebels", field: "name" });
    expect(hits.length).toBeGreaterThan(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    const mention = hits.findIndex((hit) => hit.field === "description");
    expect(mention).toBeGreaterThan(0);
  });

  it("filters by theatre and kinds, and stops at the limit", async () => {
    const everywhere = await search("rebels", { limit: 100 });
    expect(new Set(everywhere.map((hit) => hit.theatreId))).toEqual(new Set(["ruritania", "freedonia"]));
    const here = await search("rebels", { theatreId: "ruritania", limit: 100 });
    expect(here).toEqual(everywhere.filter((hit) => hit.theatreId === "ruritania"));
    const kinds = await search("rebels", { kinds: ["relationships", "interests"], limit: 100 });
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).toEqual(
      everywhere.filter((hit) => hit.kind === "relationships" || hit.kind === "interests"),
    );
    expect(await search("rebels", { limit: 2 })).toEqual(everywhere.slice(0, 2));
    expect(await search("rebels", { theatreId: "nowhere" })).toEqual([]);
  });

  it("follows changes: a renamed actor is found by its new name only, a deleted one not at all", async () => {
    const actor = (await store.readTheatre("freedonia"))!.document.actors[3]!;
    await store.mutate("freedonia", "t", () => [
      {
        operation: "update",
        kind: "actors",
        id: actor.id,
        expectedVersion: 1,
        data: { ...actor, name: "Intermediary", aliases: ["honest go-between"] },
      },
    ]);
    expect((await search("intermediary")).map((hit) => hit.entityId)).toEqual(["mediator"]);
    expect((await search("broker", { kinds: ["actors"] })).map((hit) => hit.theatreId)).toEqual([
      "ruritania",
    ]);
    await store.mutate("freedonia", "t", () => [
      { operation: "delete", kind: "actors", id: actor.id, expectedVersion: 2 },
    ]);
    expect(await search("intermediary")).toEqual([]);
  });

  it("takes any text: quotes, operators, unicode and long input never break the query", async () => {
    for (const text of [
      '"rebels',
      'rebels"',
      "rebels*",
      "-rebels",
      "rebels AND OR NOT",
      "NEAR(rebels capital)",
      "rebels:*",
      "rebels & !capital | (mediator)",
      "text:rebels",
      "{rebels}",
      "é ü ß 中文 🙂",
      "x".repeat(5000),
      Array.from({ length: 200 }, (_, i) => `word${i}`).join(" "),
      "'; DROP TABLE theatres; --",
    ])
      expect(await search(text), text).toBeInstanceOf(Array);
    expect((await search("-rebels*")).length).toBeGreaterThan(0);
    expect((await search('"broker"'))[0]?.entityId).toBe("mediator");
    for (const text of ["", " ", " !?* ", '"', "*", "-", "()", "«»", "\\'\\\"\u0000"]) {
      const error = await store.search({ text, limit: 5 }).catch((e: unknown) => e);
      expect(error, JSON.stringify(text)).toBeInstanceOf(EmptySearch);
      expect((error as Error).message).toMatch(/^text: /);
    }
    expect((await store.listTheatres()).map((t) => t.id)).toEqual(["freedonia", "ruritania"]);
  });
});
