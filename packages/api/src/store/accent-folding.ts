/**
 * Latin letters with diacritics and the plain letters they fold to, one for one. PostgreSQL's search index
 * folds its texts with exactly this table (`translate`, in its migration 3) and queries are folded with it
 * too, so "Turkiye" finds "Türkiye" as SQLite's `remove_diacritics` tokenizer does. Part of a released
 * migration: never edit; add a migration that re-indexes instead.
 */
export const ACCENTED =
  "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
export const UNACCENTED =
  "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";

const folding = new Map([...ACCENTED].map((letter, i) => [letter, UNACCENTED[i]!]));

/** `text` with every letter of ACCENTED replaced by its plain letter, as PostgreSQL's `translate` does. */
export function foldAccents(text: string): string {
  let folded = "";
  for (const letter of text) folded += folding.get(letter) ?? letter;
  return folded;
}
