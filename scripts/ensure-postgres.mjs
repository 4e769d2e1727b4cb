// The PostgreSQL tests need Debian's server binaries (they start their own throwaway server on
// 127.0.0.1). A fresh CI machine may lack them: install the package when we can (root with apt-get).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function postgresInstalled() {
  const root = "/usr/lib/postgresql";
  return (
    existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, "bin", "initdb")))
  );
}

export function ensurePostgres() {
  if (postgresInstalled()) return true;
  const root = process.getuid?.() === 0;
  if (!root || !commandExists("apt-get")) {
    console.warn(
      "PostgreSQL is not installed and cannot be installed here (needs root and apt-get): apt-get install postgresql",
    );
    return false;
  }
  console.log("Installing Debian's postgresql for the PostgreSQL tests ...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const status = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
    stdio: "inherit",
    env,
  }).status;
  return status === 0 && postgresInstalled();
}

function commandExists(command) {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
