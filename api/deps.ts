import type { Client } from '@temporalio/client';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { Database } from '../db/client.js';
import type { CommandSigner } from '../security/command-signing.js';
import type { DevTokenSigner } from './auth/dev-tokens.js';
import type { CalendarChangeHandler } from './calendar-change.js';
import type { TokenVerifier } from './auth/tokens.js';

/** What the HTTP layer needs from the outside world; built once per process. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Database;
  pingDatabase: () => Promise<void>;
  temporal: Client;
  taskQueue: string;
  verifyToken: TokenVerifier;
  /** Signs every command sent to a workflow (domain/command-proof.ts). */
  commandSigner: CommandSigner;
  /** Development sign-in (embedded HS256 only); unset → /api/v1/dev/* do not exist. */
  devTokens?: DevTokenSigner;
  /** Folder of the built web UI (default web/dist); served at / when it holds index.html. */
  webDist?: string;
  /** The clock the calendar's coverage and warning are computed at (default: the real one; tests fix it). */
  now?: () => Date;
  /** Told of the open processes a calendar change may move (default: logged); api/calendar-change.ts. */
  onCalendarChange?: CalendarChangeHandler;
}
