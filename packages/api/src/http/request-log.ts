/** One structured log line; never holds tokens or bodies. */
export type LogRecord = Record<string, string | number | boolean | undefined>;

export type Logger = (record: LogRecord) => void;

/** JSON lines on stderr, one per event. */
export const stderrLogger: Logger = (record) => {
  process.stderr.write(`${JSON.stringify(record)}\n`);
};
