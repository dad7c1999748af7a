// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres
// wire protocol, as its own process that alone owns the data folder. Two processes opening
// the same folder would silently lose writes, so the app (and Next's workers) always go
// through this server with postgres.js, exactly as they would to a real PostgreSQL.
//
// Why not @electric-sql/pglite-socket's server as it is: PGlite is ONE backend shared by every
// client connection, and that server hands it each protocol message on its own. Two clients'
// extended-protocol sequences (Parse, Bind, Execute, Sync) then interleave, and one client's
// Bind replaces the other's unnamed portal ("portal does not exist"). Here each connection's
// messages are buffered up to the Sync or Flush (or a simple Query) and run as one batch, and
// while a client has a transaction open, or an extended query under way, only that client's
// batches run. Named prepared statements
// live on in the shared backend between batches; postgres.js names them with a random
// per-connection prefix, so clients' statements never collide.
// The embedded database is for development and tests, never for production load.
//
// Usage: node scripts/pglite-server.mjs <data-dir> <port> [max-connections]
// Prints one line "ready" on stdout when it accepts connections. PGLITE_DEBUG=1 traces every
// batch and the reply's message types on stderr.
import { createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";

const [dataDir, portArg, maxArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  console.error("usage: pglite-server.mjs <data-dir> <port> [max-connections]");
  process.exit(2);
}
const maxConnections = Number(maxArg ?? 20);

let db;
try {
  db = await PGlite.create(dataDir);
} catch (error) {
  console.error(`cannot-open: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
// Messages after which the client waits for an answer: Sync, simple Query, Flush, and the
// end of a COPY FROM STDIN.
const BATCH_ENDS = new Set(["S", "Q", "H", "c", "f"]);

/** Whose transaction is open (a connection id), or null. Only that client may run meanwhile. */
let owner = null;
/** Batches waiting to run, oldest first: { id, bytes, done }. */
const queue = [];
let running = false;

async function pump() {
  if (running) return;
  running = true;
  try {
    for (;;) {
      const index = queue.findIndex((job) => owner === null || job.id === owner);
      if (index === -1) break;
      const [job] = queue.splice(index, 1);
      if (process.env.PGLITE_DEBUG) console.error(`run #${job.id}: ${types(job.bytes)}`);
      let response;
      try {
        // Copy at once: the reply is a view of PGlite's memory, and the next batch (started
        // by this loop before the socket write below runs) would overwrite it.
        response = Buffer.from(await db.execProtocolRaw(job.bytes));
      } catch (error) {
        job.done(null, error);
        continue;
      }
      // Idle: anyone may go next. In a transaction ('T', 'E'), or part-way through an extended
      // query (no ReadyForQuery yet: postgres.js sends Parse/Describe/Flush, reads the
      // parameter types, then Bind/Execute/Sync), only this connection may.
      owner = readyStatus(response) === "I" ? null : job.id;
      if (process.env.PGLITE_DEBUG) console.error(`  -> ${types(response)} owner=${owner}`);
      job.done(response, null);
    }
  } finally {
    running = false;
  }
}

function run(id, bytes) {
  return new Promise((resolve, reject) => {
    queue.push({ id, bytes, done: (out, error) => (error ? reject(error) : resolve(out)) });
    void pump();
  });
}

function types(bytes) {
  let out = "";
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    out += String.fromCharCode(bytes[offset]);
    offset += 1 + new DataView(bytes.buffer, bytes.byteOffset + offset + 1, 4).getInt32(0);
  }
  return out;
}

/** The transaction status of the last ReadyForQuery ('Z') in a response: I, T or E. */
function readyStatus(bytes) {
  let status = null;
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const type = bytes[offset];
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset + 1, 4).getInt32(0);
    if (type === 0x5a && length === 5) status = String.fromCharCode(bytes[offset + 5]);
    offset += 1 + length;
  }
  return status;
}

let connections = 0;
let nextId = 1;

const server = createServer((socket) => {
  const id = nextId++;
  connections += 1;
  if (connections > maxConnections) {
    socket.destroy();
    connections -= 1;
    return;
  }
  let buffer = Buffer.alloc(0);
  let started = false;
  let batch = [];
  let chain = Promise.resolve();
  let closed = false;

  const send = (bytes) => {
    chain = chain
      .then(() => run(id, Buffer.concat(bytes)))
      .then((out) => {
        if (!closed && out && out.length) socket.write(out);
      })
      .catch(() => socket.destroy());
  };

  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) {
          socket.write("N"); // no TLS on loopback
        } else if (code === CANCEL_REQUEST) {
          socket.destroy();
          return;
        } else if (code === PROTOCOL_3) {
          started = true;
          send([message]);
        } else {
          socket.destroy();
          return;
        }
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0]);
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (type === "X") {
        socket.end(); // Terminate: never passed on, it would stop the shared backend
        return;
      }
      batch.push(message);
      if (BATCH_ENDS.has(type)) {
        send(batch);
        batch = [];
      }
    }
  });

  const cleanUp = () => {
    if (closed) return;
    closed = true;
    connections -= 1;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].id === id) queue.splice(i, 1);
    if (owner === id) {
      // The client went away inside a transaction: roll it back before anyone else runs.
      owner = -1;
      db.exec("ROLLBACK")
        .catch(() => {})
        .finally(() => {
          owner = null;
          void pump();
        });
    }
  };
  socket.on("close", cleanUp);
  socket.on("error", cleanUp);
});

server.on("error", (error) => {
  console.error(`cannot-listen: ${error.message}`);
  void db.close().finally(() => process.exit(4));
});

server.listen(Number(portArg), "127.0.0.1", () => console.log("ready"));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  try {
    // Closing flushes PGlite's files: never exit without it.
    await db.close();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
