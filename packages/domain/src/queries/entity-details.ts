import { forEachCitation } from "../model/for-each-citation";
import type { Source } from "../model/source";
import { collectionKeys, type CollectionKey, type TheatreDocument } from "../model/theatre-document";
import { formatPath } from "../validation/problem";
import { entityLabel } from "./entity-label";
import { referencedIds } from "./referenced-ids";

export interface EntityReference {
  kind: CollectionKey;
  id: string;
  label: string;
}

export interface ResolvedCitation {
  /** Where in the entity the citation sits, e.g. `obstacles[1].citations[0]`. */
  path: string;
  sourceId: string;
  source: Pick<Source, "title" | "publisher" | "author" | "date" | "url">;
  quote: string;
  locator?: string;
}

/** What an entity refers to, what refers to it, and its citations with their sources. */
export interface EntityDetails {
  refersTo: EntityReference[];
  referredToBy: EntityReference[];
  citations: ResolvedCitation[];
}

interface DocumentLinks {
  byId: Map<string, EntityReference[]>;
  referrers: Map<string, EntityReference[]>;
  sources: Map<string, Source>;
}

const linksCache = new WeakMap<TheatreDocument, DocumentLinks>();

/** The details of one entity of a validated document; the document's links are worked out once and kept. */
export function entityDetails(document: TheatreDocument, entity: { id: string }): EntityDetails {
  const links = linksOf(document);
  const refersTo = [...referencedIds(entity)].flatMap((id) => links.byId.get(id) ?? []);
  const referredToBy = (links.referrers.get(entity.id) ?? []).filter((ref) => ref.id !== entity.id);
  const citations: ResolvedCitation[] = [];
  forEachCitation(entity, [], (citation, path) => {
    const source = links.sources.get(citation.sourceId);
    citations.push({
      path: formatPath(path),
      sourceId: citation.sourceId,
      source: {
        title: source?.title ?? citation.sourceId,
        ...(source?.publisher !== undefined && { publisher: source.publisher }),
        ...(source?.author !== undefined && { author: source.author }),
        ...(source?.date !== undefined && { date: source.date }),
        ...(source?.url !== undefined && { url: source.url }),
      },
      quote: citation.quote,
      ...(citation.locator !== undefined && { locator: citation.locator }),
    });
  });
  return { refersTo, referredToBy, citations };
}

function linksOf(document: TheatreDocument): DocumentLinks {
  const cached = linksCache.get(document);
  if (cached) return cached;
  const byId = new Map<string, EntityReference[]>();
  const referrers = new Map<string, EntityReference[]>();
  for (const kind of collectionKeys) {
    for (const entity of document[kind] as { id: string }[]) {
      const reference: EntityReference = { kind, id: entity.id, label: entityLabel(entity) };
      append(byId, entity.id, reference);
      for (const target of referencedIds(entity)) append(referrers, target, reference);
    }
  }
  const links = { byId, referrers, sources: new Map(document.sources.map((s) => [s.id, s])) };
  linksCache.set(document, links);
  return links;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
