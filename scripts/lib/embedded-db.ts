import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { UserFacingError } from "./errors";

export type EmbeddedDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

export const DEFAULT_EMBEDDED_PORT = 54329;
/** The socket server's connection limit; app pools must stay at or below it. */
export const EMBEDDED_MAX_CONNECTIONS = 20;

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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PGlite over the wire protocol as a child process owning `dataDir`.
 * Refuses (with a sentence, never deleting anything) when the folder is in use, is not a
 * database, or cannot be opened.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const shown = path.relative(process.cwd(), dataDir) || dataDir;
  const lockFile = `${dataDir}.lock`;

  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (pid && processAlive(pid)) {
      throw new UserFacingError(
        `The embedded database in ${shown} is already open in another process (pid ${pid}). Stop that copy of the site first, or set DATABASE_URL to use another database.`,
      );
    }
  }
  if (existsSync(dataDir)) {
    const entries = readdirSync(dataDir);
    if (entries.length > 0 && !entries.includes("PG_VERSION")) {
      throw new UserFacingError(
        `${shown} exists but is not an embedded database folder. Move it aside (nothing has been deleted) and run again to create a fresh one.`,
      );
    }
  } else {
    mkdirSync(dataDir, { recursive: true });
  }

  await assertPortFree(
    options.port,
    "embedded database",
    "Another copy of the site may be running: stop it, or set PGLITE_PORT to a free port.",
  );

  const script = path.join(process.cwd(), "scripts", "pglite-server.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [script, dataDir, String(options.port), String(EMBEDDED_MAX_CONNECTIONS)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  writeFileSync(lockFile, String(child.pid));

  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      rmSync(lockFile, { force: true });
      if (stderr.includes("cannot-open")) {
        reject(
          new UserFacingError(
            `The embedded database in ${shown} could not be opened; it may be damaged. Move the folder aside (nothing has been deleted) and run again to start with a fresh one.`,
          ),
        );
      } else if (stderr.includes("cannot-listen")) {
        reject(
          new UserFacingError(
            `The embedded database could not listen on port ${options.port}. Set PGLITE_PORT to a free port.`,
          ),
        );
      } else {
        reject(
          new UserFacingError(
            `The embedded database stopped while starting (exit ${code}). ${stderr.trim()}`,
          ),
        );
      }
    });
  });
  // Once running, forward its output only if it fails later.
  child.stdout?.resume();

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        rmSync(lockFile, { force: true });
        resolve();
        return;
      }
      child.once("exit", () => {
        rmSync(lockFile, { force: true });
        resolve();
      });
      child.kill("SIGTERM");
    });
    return stopped;
  };

  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    dataDir,
    stop,
  };
}
