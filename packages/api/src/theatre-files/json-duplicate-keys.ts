/**
 * Whether some object in a JSON text (already known to parse) repeats a key. `JSON.parse` keeps the
 * last value silently; a theatre file must not lose data that way.
 */
export function hasDuplicateKeys(text: string): boolean {
  const keys: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) keys.push(new Set());
    else if (c === 0x5b /* [ */) keys.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) keys.pop();
    else if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const current = keys[keys.length - 1];
      if (current && nextNonSpace(text, end + 1) === 0x3a /* : */) {
        const key = text.slice(i, end + 1);
        if (current.has(key)) return true;
        current.add(key);
      }
      i = end;
    }
    i++;
  }
  return false;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i;
    else i++;
  }
  return i;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
    i++;
  }
  return -1;
}
