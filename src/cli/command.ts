/** The shape of a CLI command. Commands call features; they hold no rules. */
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  args: string[];
  config: Config;
  io: CliIo;
  /** Opens (and migrates, and loads the demo into an empty) database; closed by the runner. */
  database(): Promise<Database>;
}

export interface Command {
  /** e.g. "plan export" */
  name: string;
  usage: string;
  description: string;
  /** Exit code (0 = success). */
  run(ctx: CommandContext): Promise<number>;
}
