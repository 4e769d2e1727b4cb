import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Starts the run's PostgreSQL server (Debian's binaries, on 127.0.0.1) and stops it afterwards.
    globalSetup: ["test/postgres/global-setup.ts"],
    // Command-line tests load and validate the whole Afghanistan theatre on every run.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
