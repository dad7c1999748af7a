// A TCP proxy between the app under test and its database, so tests can make the database
// unreachable and bring it back without touching the real server other tests share.
//
//   node tests/support/fault-proxy.mjs <listen-port> <target-host> <target-port> <control-port>
//
// Control (HTTP on 127.0.0.1:<control-port>): GET /state, POST /down (drops every open
// connection and refuses new ones), POST /up (accepts again).
import { createServer as createHttpServer } from "node:http";
import { connect, createServer } from "node:net";

const [listenPort, targetHost, targetPort, controlPort] = process.argv.slice(2);
if (!listenPort || !targetHost || !targetPort || !controlPort) {
  console.error("usage: fault-proxy.mjs <listen-port> <target-host> <target-port> <control-port>");
  process.exit(2);
}

let up = true;
const open = new Set();

const proxy = createServer((client) => {
  if (!up) {
    client.destroy();
    return;
  }
  const upstream = connect(Number(targetPort), targetHost);
  const pair = { client, upstream };
  open.add(pair);
  const close = () => {
    client.destroy();
    upstream.destroy();
    open.delete(pair);
  };
  client.on("error", close).on("close", close);
  upstream.on("error", close).on("close", close);
  client.pipe(upstream);
  upstream.pipe(client);
});
proxy.listen(Number(listenPort), "127.0.0.1");

createHttpServer((request, response) => {
  if (request.method === "POST" && request.url === "/down") {
    up = false;
    for (const { client, upstream } of open) {
      client.destroy();
      upstream.destroy();
    }
    open.clear();
  } else if (request.method === "POST" && request.url === "/up") {
    up = true;
  }
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ up, connections: open.size }));
}).listen(Number(controlPort), "127.0.0.1");

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
