/** What a command may touch: the environment (read once, here and in loadConfig) and two output streams. */
export interface Io {
  env: Record<string, string | undefined>;
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Bad usage: exit code 2, with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can act on: exit code 1, the message and nothing else. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export const say = (stream: NodeJS.WritableStream, line: string) => void stream.write(`${line}\n`);
