import { runCli } from "../src/cli/main";
import { captureOutput, testConfig } from "./helpers";
import { afghanistanDirectory } from "./shipped-theatres";

/** Runs `parley analyse <analysis>` on the shipped Afghanistan theatre and returns its exit code and output. */
export function analyseAfghanistan(analysis: string, ...args: string[]) {
  const io = captureOutput();
  const code = runCli(["analyse", analysis, afghanistanDirectory, ...args], testConfig(), io);
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}
