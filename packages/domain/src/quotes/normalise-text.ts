const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const WHITE_SPACE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

/**
 * The form in which a quote is compared with its source: typographic quotes and dashes made plain,
 * runs of white space made one space. Words, letters and punctuation otherwise stay as written.
 */
export function normaliseForQuoteMatching(text: string): string {
  return text
    .normalize("NFC")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, "-")
    .replace(/\u2026/g, "...")
    .replace(WHITE_SPACE, " ")
    .trim();
}
