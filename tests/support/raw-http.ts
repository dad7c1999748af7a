import { connect } from "node:net";

/*
 * One HTTP/1.1 request written byte for byte on a fresh TCP connection, for requests no HTTP
 * client would send: undecodable paths, any method, raw header values, bodies that lie about
 * their type or size. Only the status line of the answer is read.
 */

export type RawRequest = {
  method: string;
  /** The request-target, sent as given (no encoding, no normalisation). */
  target: string;
  /** Sent in this order after Host (unless one is given here) and Connection: close. */
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Write Transfer-Encoding: chunked instead of Content-Length. */
  chunked?: boolean;
};

export type RawAnswer = { status: number | null; error?: string; ms: number };

export function rawRequest(
  port: number,
  request: RawRequest,
  timeoutMs = 60_000,
): Promise<RawAnswer> {
  const started = Date.now();
  const body =
    request.body === undefined
      ? undefined
      : Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(request.body);
  const headers: Record<string, string> = { ...request.headers };
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  if (!names.includes("host")) headers.Host = `127.0.0.1:${port}`;
  headers.Connection = "close";
  if (body && request.chunked) headers["Transfer-Encoding"] = "chunked";
  else if (body && !names.includes("content-length"))
    headers["Content-Length"] = String(body.length);
  const head =
    `${request.method} ${request.target} HTTP/1.1\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("") +
    "\r\n";

  return new Promise((resolve) => {
    let received = "";
    let settled = false;
    const socket = connect(port, "127.0.0.1");
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve({ status: match ? Number(match[1]) : null, error, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish("timed out"), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (/^HTTP\/1\.[01] \d{3}/.test(received) && received.includes("\r\n\r\n")) finish();
    });
    // The server may answer (413, 400) and close before a large body is all written.
    socket.on("error", (error) => finish(received ? undefined : error.message));
    socket.on("close", () => finish(received ? undefined : "closed without an answer"));
    socket.on("connect", async () => {
      socket.write(head, "latin1");
      if (!body) return;
      const parts = request.chunked ? chunks(body) : slices(body);
      for (const part of parts) {
        if (settled || socket.destroyed) return;
        if (!socket.write(part)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              socket.off("drain", done);
              socket.off("close", done);
              resolve();
            };
            socket.on("drain", done);
            socket.on("close", done);
          });
        }
      }
    });
  });
}

function* slices(body: Buffer): Generator<Buffer> {
  for (let at = 0; at < body.length; at += 1 << 20) yield body.subarray(at, at + (1 << 20));
}

function* chunks(body: Buffer): Generator<Buffer> {
  for (const slice of slices(body)) {
    yield Buffer.from(`${slice.length.toString(16)}\r\n`);
    yield slice;
    yield Buffer.from("\r\n");
  }
  yield Buffer.from("0\r\n\r\n");
}
