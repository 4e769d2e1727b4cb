import { readFileSync } from "node:fs";
import type { PathSegment } from "@parley/domain";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { hasDuplicateKeys } from "./json-duplicate-keys";

export interface FileError {
  /** `file:line:column`. */
  location: string;
  message: string;
}

/** A parsed YAML or JSON file that can say on which line any part of it sits. */
export interface DataFile {
  path: string;
  value: unknown;
  errors: FileError[];
  lineOf(path: PathSegment[]): string;
}

export function readDataFile(path: string): DataFile {
  const text = readFileSync(path, "utf8");
  return (path.endsWith(".json") && readPlainJson(path, text)) || readYaml(path, text);
}

/**
 * Valid JSON without repeated keys is read with `JSON.parse`, many times faster than the YAML parser on
 * a large document; the YAML parser (a superset) runs only if a location is asked for.
 */
function readPlainJson(path: string, text: string): DataFile | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (hasDuplicateKeys(text)) return undefined;
  let located: DataFile | undefined;
  return { path, value, errors: [], lineOf: (at) => (located ??= readYaml(path, text)).lineOf(at) };
}

function readYaml(path: string, text: string): DataFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const errors = document.errors.map((error) => ({
    location: position(error.pos[0]),
    message: error.message.split("\n")[0]!,
  }));
  return {
    path,
    value: errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 }),
    errors,
    lineOf: (at) => {
      const node = nearestNode(document, at);
      return node?.range ? position(node.range[0]) : path;
    },
  };
}

function nearestNode(document: Document, path: PathSegment[]) {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node)) return node;
  }
  return undefined;
}
