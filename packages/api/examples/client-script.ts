// A script using Parley's typed client: read, analyse, edit (with a token) and export.
//   PARLEY_URL=http://127.0.0.1:4010 PARLEY_TOKEN=parley_… pnpm exec tsx packages/api/examples/client-script.ts
import { writeFileSync } from "node:fs";
import { createParleyClient } from "@parley/api/client";

const url = process.env.PARLEY_URL ?? "http://127.0.0.1:4010";
const parley = createParleyClient(url, { token: process.env.PARLEY_TOKEN });

// Read: the theatres, and one actor with what refers to it and its sources.
const theatres = await parley.theatres.list.query();
console.log(
  "theatres:",
  theatres.map((t) => `${t.id} (${t.counts.actors} actors, revision ${t.revision})`).join(", "),
);
const isKp = await parley.actors.get.query({ theatreId: "afghanistan", id: "is-kp" });
console.log(
  `${isKp.data.name}: ${isKp.details.referredToBy.length} entries refer to it; first source: ${isKp.details.citations[0]?.source.title}`,
);

// Analyse: where can the United States and the Taliban cooperate?
const finding = await parley.analysis.cooperation.query({
  theatreId: "afghanistan",
  actors: ["United States", "Taliban"],
});
for (const opportunity of finding.opportunities.slice(0, 3))
  console.log(`  ${opportunity.score.toFixed(2)}  ${opportunity.name}`);

// Edit: pass the version you read; someone else's newer edit makes this fail with CONFLICT instead of being lost.
if (process.env.PARLEY_TOKEN) {
  const edited = await parley.actors.update.mutate({
    theatreId: "afghanistan",
    id: "is-kp",
    expectedVersion: isKp.version,
    data: { ...isKp.data, aliases: [...new Set([...isKp.data.aliases, "Wilayat Khorasan"])] },
  });
  console.log(`edited is-kp: now version ${edited.version}, by ${edited.updatedBy}`);
}

// Export: the whole theatre as one validated document.
const document = await parley.theatres.export.query({ theatreId: "afghanistan" });
writeFileSync(process.env.PARLEY_EXPORT ?? "afghanistan-export.json", JSON.stringify(document, null, 2));
console.log(`exported ${document.actors.length} actors, ${document.interests.length} interests`);
