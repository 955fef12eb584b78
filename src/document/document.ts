// The document every entry point produces (a file, standard input, a JSONL or CSV record, a
// fetched response, a text posted to the API) and the ingest path stores and extracts.

export interface SourceDocument {
  /** The main text, kept as read: evidence offsets point into it. Never empty. */
  text: string;
  title: string | null;
  /** Publication date, YYYY-MM-DD. */
  published: string | null;
  /** ISO 639-1 code (639-3 when the language has none): declared, else detected. */
  lang: string | null;
  /** The document's own address: a record's url, a page's canonical link, else null. */
  url: string | null;
  /** The outlet or publisher, when a record names one. */
  source: string | null;
  /** The credit line the text's licence asks for ("Mehr News Agency; CC BY 4.0"), when given. */
  attribution: string | null;
  /**
   * What was repaired while reading the bytes, in words naming the input ("report.txt: 3
   * invalid UTF-8 sequences replaced with U+FFFD"); absent when nothing was.
   */
  warnings?: string[];
}
