#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a machine that has only Node and npm: makes sure the
// pinned pnpm is at hand (installing it into .tools/ if needed), installs the workspace, then runs the
// task. Plain JavaScript on purpose: nothing else is installed when it starts.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, "");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

const tasks = {
  start: () => run("pnpm", ["-s", "parley", "serve", ...process.argv.slice(3)]),
  test: () => import("./run-tests.mjs").then(({ runTests }) => runTests({ root, env, run })),
};

const task = tasks[process.argv[2]];
if (!task) fail(`usage: node scripts/bootstrap.mjs <${Object.keys(tasks).join("|")}>`);
checkNode();
ensurePnpm();
const install = run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
if (install !== 0) fail("pnpm install failed (see above)");
process.exitCode = await task();

function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Parley needs Node >= 20.19; this is ${process.version}`);
}

function ensurePnpm() {
  if (pnpmAnswers(env)) return;
  const tools = join(root, ".tools");
  const bin = join(tools, "node_modules", ".bin");
  env.PATH = `${bin}${delimiter}${env.PATH ?? ""}`;
  if (pnpmAnswers(env)) return;
  console.log(`Installing pnpm ${pnpmVersion} into .tools/ ...`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const status = spawnSync(
    npm,
    ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", tools, `pnpm@${pnpmVersion}`],
    {
      stdio: "inherit",
      env,
    },
  ).status;
  if (status !== 0 || !pnpmAnswers(env)) fail(`could not install pnpm ${pnpmVersion} with npm`);
}

function pnpmAnswers(environment) {
  try {
    return (
      execFileSync("pnpm", ["--version"], {
        env: environment,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim() === pnpmVersion
    );
  } catch {
    return false;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env,
    shell: process.platform === "win32",
  });
  return result.status ?? 1;
}

function fail(message) {
  console.error(`parley: ${message}`);
  process.exit(1);
}
