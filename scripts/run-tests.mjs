// Runs everything CI checks (types, lint, formatting, every package's tests) and closes with one line
// of real totals, "N passed, N failed", summed from the JSON reports vitest writes per package.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensurePostgres } from "./ensure-postgres.mjs";

export async function runTests({ root, run }) {
  ensurePostgres();
  const reports = packageDirectories(root).map((directory) => join(directory, "test-results.json"));
  for (const report of reports) rmSync(report, { force: true });

  const steps = [
    [
      "types, lint and tests",
      () => run("pnpm", ["exec", "turbo", "run", "typecheck", "lint", "test", "--continue"]),
    ],
    ["formatting", () => run("pnpm", ["exec", "prettier", "--check", "."])],
  ];
  const failedSteps = steps.filter(([, step]) => step() !== 0).map(([name]) => name);

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const report of reports) {
    if (!existsSync(report)) continue;
    const results = JSON.parse(readFileSync(report, "utf8"));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests + results.numTodoTests;
    // A test file that fails to load has no failed test of its own; count it once.
    failed += results.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
    ).length;
  }
  if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(", ")}`);
  console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
  return failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0;
}

function packageDirectories(root) {
  return ["packages", "apps"]
    .map((group) => join(root, group))
    .filter(existsSync)
    .flatMap((group) => readdirSync(group).map((name) => join(group, name)))
    .filter((directory) => existsSync(join(directory, "package.json")));
}
