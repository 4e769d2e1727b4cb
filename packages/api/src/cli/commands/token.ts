import { parseArgs } from "node:util";
import type { Config } from "../../env";
import type { Role } from "../../store/store";
import { ROLES } from "../../store/token-secret";
import { EXIT, UsageError, type Output } from "../io";
import { databaseName, openConfiguredStore } from "../open-configured-store";

export const tokenUsage = `token create --name NAME --role viewer|editor|admin [--db FILE]
token list [--db FILE]
token revoke ID [--db FILE]
  Manages the bearer tokens of the API: viewers read (when reads need a token), editors change theatre
  content, admins also replace and delete whole theatres. Only a hash is stored: the secret is shown once.`;

export async function tokenCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: "string" }, role: { type: "string" }, db: { type: "string" } },
  });
  const [action, id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
  const settings = {
    ...config,
    ...(values.db !== undefined && { sqlitePath: values.db, databaseUrl: undefined }),
  };
  if (action === "create") {
    if (!values.name?.trim()) throw new UsageError("--name: give the token a name (who or what uses it)");
    if (!ROLES.includes(values.role as Role))
      throw new UsageError(`--role must be one of ${ROLES.join(", ")}, not ${values.role ?? "(missing)"}`);
  } else if (action === "revoke") {
    if (!id) throw new UsageError("revoke: give the id of the token (see `pnpm parley token list`)");
  } else if (action !== "list")
    throw new UsageError(`unknown action "${action ?? ""}": create, list or revoke`);

  const store = await openConfiguredStore(settings);
  try {
    if (action === "create") {
      const { record, secret } = await store.createToken(values.name!, values.role as Role);
      io.out(
        `created token ${record.id} "${record.name}" (${record.role}) in ${databaseName(settings)}:\n\n  ${secret}\n`,
      );
      io.out("Keep it now: it cannot be shown again. Send it as the header  Authorization: Bearer <token>");
      return EXIT.ok;
    }
    if (action === "revoke") {
      if (await store.revokeToken(id!)) {
        io.out(`revoked token ${id}`);
        return EXIT.ok;
      }
      io.err(`parley token: no live token with id "${id}" (see \`pnpm parley token list\`)`);
      return EXIT.invalid;
    }
    const tokens = await store.listTokens();
    if (tokens.length === 0) io.out("no tokens yet: pnpm parley token create --name NAME --role editor");
    for (const token of tokens)
      io.out(
        `${token.id}  ${token.role.padEnd(6)}  ${token.revokedAt ? `revoked ${token.revokedAt}` : "live"}  ${token.name}  (created ${token.createdAt})`,
      );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
