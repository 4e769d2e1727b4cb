import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collectionKeys, forEachCitation, TheatreDocument } from "@parley/domain";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main";
import { checkTheatre } from "../src/theatre-files";
import { captureOutput, testConfig } from "./helpers";
import { afghanistanDirectory } from "./shipped-theatres";

const schemaPath = fileURLToPath(
  new URL("../../domain/schema/theatre-document.schema.json", import.meta.url),
);
const theatresDirectory = fileURLToPath(new URL("../../../theatres", import.meta.url));

function exportAfghanistan(): unknown {
  const io = captureOutput();
  expect(runCli(["export", "--theatre", "afghanistan"], testConfig({ theatresDirectory }), io)).toBe(0);
  return JSON.parse(io.stdout.join("\n"));
}

describe("exporting the Afghanistan theatre", () => {
  const exported = exportAfghanistan() as Record<string, unknown>;

  it("round-trips: the export parses with the schema into the theatre as loaded", () => {
    expect(TheatreDocument.parse(exported)).toEqual(checkTheatre(afghanistanDirectory).document);
    expect(TheatreDocument.parse(exported)).toEqual(exported);
  });

  it("has the documented shape", () => {
    expect(Object.keys(exported)).toEqual(["theatre", ...collectionKeys]);
    for (const actor of exported.actors as Record<string, unknown>[]) {
      expect(typeof actor.id).toBe("string");
      expect(typeof actor.name).toBe("string");
      expect(typeof actor.kind).toBe("string");
      expect(Array.isArray(actor.aliases)).toBe(true);
    }
    let citations = 0;
    forEachCitation(exported, [], (citation) => {
      citations++;
      expect(Object.keys(citation)).toEqual(expect.arrayContaining(["sourceId", "quote"]));
    });
    expect(citations).toBeGreaterThan(100);
  });

  it("conforms to the published JSON Schema, which rejects a broken document", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync(schemaPath, "utf8")),
    );
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const broken = structuredClone(exported) as { actors: Record<string, unknown>[] };
    delete broken.actors[0]!.aliases;
    broken.actors[1]!.kind = "militia";
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(["/actors/0", "/actors/1/kind"]),
    );
  });
});
