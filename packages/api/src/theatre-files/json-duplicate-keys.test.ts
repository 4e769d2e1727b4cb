import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasDuplicateKeys } from "./json-duplicate-keys";

describe("hasDuplicateKeys", () => {
  it("finds a key repeated in one object, at any depth", () => {
    expect(hasDuplicateKeys('{"a":1,"a":2}')).toBe(true);
    expect(hasDuplicateKeys('[{"x":{"b":[1,{"c":1, "c" : 2}]}}]')).toBe(true);
  });

  it("accepts the same key in different objects, and keys inside strings", () => {
    expect(hasDuplicateKeys('[{"a":1},{"a":2}]')).toBe(false);
    expect(hasDuplicateKeys('{"a":{"a":1},"b":"\\"a\\": {\\"a\\":"}')).toBe(false);
    expect(hasDuplicateKeys('{"a\\\\":1,"a":2}')).toBe(false);
  });

  it("agrees with a parse that counts keys, on random JSON", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(hasDuplicateKeys(text)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (object) => {
        const text = JSON.stringify(object);
        const [first] = Object.keys(object);
        const repeated = `{${JSON.stringify(first)}:0,${text.slice(1)}`;
        expect(hasDuplicateKeys(repeated)).toBe(true);
      }),
    );
  });
});
