// Type declarations for the ayb JavaScript client (ayb.mjs as an ES module, ayb.js as a script).

export type QueryPermissionLevel = 'read-only' | 'read-write';

/** A value bound to a query parameter: whole numbers and bigints bind as INTEGER, bytes as BLOB. */
export type QueryParam = null | number | bigint | string | boolean | Uint8Array | ArrayBuffer;

/** Positional (`?`, `?NNN`) or named (`:name`, `@name`, `$name`) query parameters. */
export type QueryParams = QueryParam[] | Record<string, QueryParam>;

/** A query's answer: column names and rows whose cells are strings or null. */
export interface QueryResult {
  fields: string[];
  rows: (string | null)[][];
}

export interface DatabaseLocation {
  baseUrl: string;
  entity: string;
  database: string;
}

export interface ConnectionConfig extends DatabaseLocation {
  token: string;
  queryPermissionLevel?: QueryPermissionLevel;
}

export interface ConnectionInfo extends ConnectionConfig {
  databaseUrl: string;
}

export interface AybClientOptions {
  appId: string;
  storageKey?: string;
  url?: string;
  token?: string;
}

export class AybClient {
  constructor(options: AybClientOptions);
  readonly appId: string;
  readonly storageKey: string;
  config: ConnectionConfig | null;
  parseDatabaseUrl(url: string): DatabaseLocation;
  saveConfig(url: string, token: string): ConnectionConfig;
  loadConfig(): ConnectionConfig | null;
  disconnect(): void;
  isConnected(): boolean;
  getConnectionInfo(): ConnectionInfo | null;
  query(sql: string, maxRetries?: number): Promise<QueryResult>;
  /** Runs one statement with values bound to its parameters (`?`/`?NNN` by array, `:name` by object). */
  query(sql: string, params: QueryParams | null, maxRetries?: number): Promise<QueryResult>;
  queryObjects(sql: string): Promise<Record<string, string | null>[]>;
  escapeSQL(value: unknown): string;
}

export interface AybOAuthOptions {
  appName: string;
  queryPermissionLevel?: QueryPermissionLevel;
  serverUrl?: string;
  appId?: string;
  storageKey?: string;
}

export class AybOAuth {
  constructor(options: AybOAuthOptions);
  authorize(options?: { callbackPath?: string }): Promise<string>;
  handleCallback(): Promise<AybClient>;
}

export function restoreOAuth(options: AybOAuthOptions): Promise<AybClient | null>;

export function createServerSelectionModal(
  options: AybOAuthOptions & { servers?: string[] },
): HTMLDialogElement;

export function runMigrations(
  client: AybClient,
  appId: string,
  migrations: string[],
): Promise<number>;

export function queryObjects(
  client: AybClient,
  sql: string,
): Promise<Record<string, string | null>[]>;

export function escapeSQL(value: unknown): string;

export function parseDatabaseUrl(url: string): DatabaseLocation;

declare global {
  interface Window {
    AybClient: typeof AybClient;
    AybOAuth: typeof AybOAuth;
    restoreOAuth: typeof restoreOAuth;
    createServerSelectionModal: typeof createServerSelectionModal;
    runMigrations: typeof runMigrations;
    queryObjects: typeof queryObjects;
    escapeSQL: typeof escapeSQL;
    parseDatabaseUrl: typeof parseDatabaseUrl;
  }
}
