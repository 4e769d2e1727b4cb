import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectionKeys, type TheatreDocument } from "@parley/domain";
import { stringify } from "yaml";
import type { Config } from "../src/env";
import type { Output } from "../src/cli/io";

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), "parley-test-"));
}

const fileNames: Record<string, string> = { cooperationAreas: "cooperation-areas", tradeOffs: "trade-offs" };

/** Writes a theatre document out as a theatre directory, one YAML file per collection. */
export function writeTheatreDirectory(directory: string, document: TheatreDocument): string {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "theatre.yaml"), stringify(document.theatre));
  for (const key of collectionKeys)
    writeFileSync(join(directory, `${fileNames[key] ?? key}.yaml`), stringify(document[key]));
  return directory;
}

export function captureOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const directory = temporaryDirectory();
  return {
    theatresDirectory: directory,
    sourceTextsDirectory: undefined,
    callerDirectory: directory,
    databaseUrl: undefined,
    sqlitePath: join(directory, "parley.sqlite"),
    host: "127.0.0.1",
    port: 0,
    corsOrigins: [],
    readsNeedToken: false,
    maxBodyBytes: 10 * 1024 * 1024,
    ...overrides,
  };
}
