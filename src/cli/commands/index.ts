/** Every CLI command, in the order `bsc help` lists them. */
import type { Command } from '../command.js';
import {
  checkCommand,
  planCopyCommand,
  planDiffCommand,
  planExportCommand,
  planImportCommand,
  planSchemaCommand,
  summaryCommand,
} from './plan.js';
import { evaluateCommand } from './evaluate.js';
import { usersCommands } from './users.js';
import { auditCommands } from './audit.js';
import { resultsCommands } from './results.js';
import { excelCommands } from './excel.js';
import { documentsCommands } from './documents.js';

export const commands: Command[] = [
  summaryCommand,
  checkCommand,
  planExportCommand,
  planImportCommand,
  planCopyCommand,
  planDiffCommand,
  planSchemaCommand,
  evaluateCommand,
  ...usersCommands,
  ...auditCommands,
  ...resultsCommands,
  ...excelCommands,
  ...documentsCommands,
];
