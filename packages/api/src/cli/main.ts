import { readConfig, type Config } from "../env";
import { TheatreNotFoundError } from "../theatre-files";
import { analyseCommand, analyseUsage } from "./commands/analyse";
import { coverageCommand, coverageUsage } from "./commands/coverage";
import { exportCommand, exportUsage } from "./commands/export";
import { forecastCommand, forecastUsage } from "./commands/forecast";
import { schemaCommand, schemaUsage } from "./commands/schema";
import { serveCommand, serveUsage } from "./commands/serve";
import { summaryCommand, summaryUsage } from "./commands/summary";
import { syntheticCommand, syntheticUsage } from "./commands/synthetic";
import { tokenCommand, tokenUsage } from "./commands/token";
import { validateCommand, validateUsage } from "./commands/validate";
import { EXIT, processOutput, UsageError, type Output } from "./io";

type Command = (args: string[], config: Config, io: Output) => number | Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  summary: { run: summaryCommand, usage: summaryUsage },
  validate: { run: validateCommand, usage: validateUsage },
  export: { run: exportCommand, usage: exportUsage },
  schema: { run: schemaCommand, usage: schemaUsage },
  coverage: { run: coverageCommand, usage: coverageUsage },
  analyse: { run: analyseCommand, usage: analyseUsage },
  forecast: { run: forecastCommand, usage: forecastUsage },
  synthetic: { run: syntheticCommand, usage: syntheticUsage },
  serve: { run: serveCommand, usage: serveUsage },
  token: { run: tokenCommand, usage: tokenUsage },
};

const usage = `Usage: pnpm parley <command> [options]

${Object.values(commands)
  .map((command) => command.usage)
  .join("\n\n")}`;

/** Runs one `parley` command line and returns its exit code (a promise for the commands that serve or use the database). */
export function runCli(
  argv: string[],
  config: Config = readConfig(),
  io: Output = processOutput,
): number | Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.out(usage);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.err(`parley: unknown command "${name}"; commands: ${Object.keys(commands).join(", ")}`);
    return EXIT.usage;
  }
  const usageFailure = (error: unknown): number => {
    if (error instanceof UsageError || error instanceof TheatreNotFoundError || isArgumentError(error)) {
      io.err(`parley ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    throw error;
  };
  try {
    const code = command.run(args, config, io);
    return typeof code === "number" ? code : code.catch(usageFailure);
  } catch (error) {
    return usageFailure(error);
  }
}

function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2));
}
