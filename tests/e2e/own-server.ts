import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/*
 * A second production server of the same build, for settings the suite's own server cannot
 * have at once (no SMTP and no visible outbox, SMTP configured, TRUSTED_PROXIES): the real
 * `next start` against the suite's database, started by the spec that needs it and stopped in
 * its afterAll. Everything it prints is kept, so a spec can check what it said at start-up.
 */

export type OwnServer = {
  baseURL: string;
  /** stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function healthy(baseURL: string): Promise<boolean> {
  try {
    return (await fetch(`${baseURL}/api/health`)).ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * Starts `next start` with the suite's environment, minus the variables in `unset`, plus `env`.
 * Waits (up to 90 s on a busy machine) until /api/health answers.
 */
export async function startOwnServer(
  env: Record<string, string>,
  unset: string[] = [],
): Promise<OwnServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_URL: baseURL, ...env };
  for (const name of unset) delete childEnv[name];
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [next, "start", "--port", String(port)], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const server: OwnServer = {
    baseURL,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited(child);
    },
  };
  const deadline = Date.now() + 90_000;
  while (!(await healthy(baseURL))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start on port ${port} did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return server;
}
