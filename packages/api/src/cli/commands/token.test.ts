import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { captureOutput, testConfig } from "../../../test/helpers";
import { openStore } from "../../store/open-store";
import { runCli } from "../main";

describe("parley token", () => {
  it("creates a token shown once, lists it, revokes it, and stores only its hash", async () => {
    const config = testConfig();
    const created = captureOutput();
    expect(await runCli(["token", "create", "--name", "ops desk", "--role", "editor"], config, created)).toBe(
      0,
    );
    const secret = /(parley_\S+)/.exec(created.stdout.join("\n"))![1]!;
    expect(created.stdout.join("\n")).toMatch(/cannot be shown again/);

    const store = await openStore({ sqlitePath: config.sqlitePath });
    expect(await store.verifyToken(secret)).toMatchObject({ name: "ops desk", role: "editor" });
    await store.close();
    expect(readFileSync(config.sqlitePath).includes(secret)).toBe(false);

    const listed = captureOutput();
    expect(await runCli(["token", "list"], config, listed)).toBe(0);
    const id = /^(\w+)\s+editor\s+live\s+ops desk/.exec(listed.stdout[0]!)![1]!;
    expect(await runCli(["token", "revoke", id], config, captureOutput())).toBe(0);
    const after = captureOutput();
    await runCli(["token", "list"], config, after);
    expect(after.stdout[0]).toMatch(/revoked/);
    const again = captureOutput();
    expect(await runCli(["token", "revoke", id], config, again)).toBe(1);
    expect(again.stderr[0]).toMatch(/no live token with id/);
  });

  it("names the option at fault", async () => {
    const config = testConfig();
    const noRole = captureOutput();
    expect(await runCli(["token", "create", "--name", "x", "--role", "owner"], config, noRole)).toBe(2);
    expect(noRole.stderr[0]).toMatch(/--role must be one of viewer, editor, admin, not owner/);
    const noName = captureOutput();
    expect(await runCli(["token", "create", "--role", "admin"], config, noName)).toBe(2);
    expect(noName.stderr[0]).toMatch(/--name: give the token a name/);
    const unknown = captureOutput();
    expect(await runCli(["token", "rotate"], config, unknown)).toBe(2);
    expect(unknown.stderr[0]).toMatch(/unknown action "rotate"/);
  });
});
