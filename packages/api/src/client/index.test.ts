import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

/**
 * The modules a file loads at run time, following relative imports: `import type` and `export type` are
 * erased; with verbatimModuleSyntax every other import, even `import { type X }`, stays.
 */
function runtimeImports(
  file: string,
  seen = new Set<string>(),
): { files: Set<string>; packages: Set<string> } {
  const packages = new Set<string>();
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    const erased =
      (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(statement) && statement.isTypeOnly);
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    if (erased || specifier === undefined) continue;
    if (!specifier.startsWith(".")) {
      packages.add(specifier);
      continue;
    }
    const target = [".ts", "/index.ts"]
      .map((end) => resolve(dirname(file), specifier + end))
      .find(existsSync);
    if (!target) throw new Error(`${file}: cannot resolve ${specifier}`);
    if (!seen.has(target)) for (const name of runtimeImports(target, seen).packages) packages.add(name);
  }
  return { files: seen, packages };
}

it("loads nothing of the server at run time, so a browser bundle holds only tRPC's client", () => {
  const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
  const { files, packages } = runtimeImports(entry);
  expect([...files].map((file) => file.slice(dirname(entry).length))).toEqual(["/index.ts"]);
  expect([...packages]).toEqual(["@trpc/client"]);
});

it("is what the package exports as @parley/api/client", async () => {
  const { createParleyClient } = await import("@parley/api/client");
  const client = createParleyClient("http://127.0.0.1:9/", { token: "t" });
  expect(typeof client.actors.list.query).toBe("function");
});
