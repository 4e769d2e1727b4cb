import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Command-line tests load and validate the whole Afghanistan theatre on every run.
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
