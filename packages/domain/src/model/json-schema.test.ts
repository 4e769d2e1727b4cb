import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { theatreDocumentJsonSchema } from "./json-schema";
import { collectionKeys } from "./theatre-document";

const publishedPath = new URL("../../schema/theatre-document.schema.json", import.meta.url);

describe("the published JSON Schema", () => {
  it("is the one generated from the zod schemas (run `pnpm schema` after changing a schema)", () => {
    const published: unknown = JSON.parse(readFileSync(publishedPath, "utf8"));
    expect(published).toEqual(theatreDocumentJsonSchema());
  });

  it("describes the export document's top-level keys and requires them", () => {
    const root = theatreDocumentJsonSchema() as {
      $ref: string;
      $defs: Record<string, { properties: object; required: string[] }>;
    };
    expect(root.$ref).toBe("#/$defs/TheatreDocument");
    const schema = root.$defs.TheatreDocument!;
    // The export format's keys, as the foundation issue specifies them.
    const keys = [
      "theatre",
      "sources",
      "actors",
      "issues",
      "interests",
      "relationships",
      "cooperationAreas",
      "leverage",
      "tradeOffs",
      "scenarios",
      "options",
      "events",
      "figures",
    ];
    expect(Object.keys(schema.properties)).toEqual(keys);
    expect(schema.required).toEqual(keys);
    expect(["theatre", ...collectionKeys]).toEqual(keys);
  });
});
