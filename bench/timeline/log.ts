/** Progress goes to stderr, so stdout has only the table. */
export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
