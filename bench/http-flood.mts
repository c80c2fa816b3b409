// Memory under a flood of unsigned bodies (issue 8, item 5): N concurrent
// POSTs to /slack/events, each declaring and streaming a large body (100 MB
// by default) with a forged signature, to dondoc's HTTP receiver in a child
// process on loopback. Reports the server's RSS before, at its peak (polled
// every 50 ms from /proc) and 2 s after, and what each request got.
//
//   npm run bench:http-flood                       # this checkout
//   npm run bench:http-flood -- --app-root DIR     # another checkout (e.g. before the guard)
//
// Bounded: N requests (8), each stops sending once answered or after its
// body; the whole run is abandoned after 120 s.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createInterface } from "node:readline";
import { describeMachine } from "./lib/machine.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: tsx bench/http-flood.mts [--concurrency 8] [--mb 100] [--app-root DIR]\n");
  process.exit(0);
}
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const concurrency = Number(arg("concurrency", "8"));
const bodyBytes = Number(arg("mb", "100")) * 1024 * 1024;
const appRoot = arg("app-root", new URL("..", import.meta.url).pathname);

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};

const server = spawn(process.execPath, ["--import", "tsx", new URL("./lib/http-flood-server.mts", import.meta.url).pathname, "--app-root", appRoot], {
  stdio: ["ignore", "pipe", "inherit"],
});
const abandon = setTimeout(() => {
  process.stderr.write("abandoned after 120 s\n");
  server.kill("SIGKILL");
  process.exit(1);
}, 120_000);
const [port, pid] = await new Promise<[number, number]>((resolve) => {
  createInterface({ input: server.stdout! }).on("line", (line) => {
    const m = /^READY (\d+) (\d+)/.exec(line);
    if (m) resolve([Number(m[1]), Number(m[2])]);
  });
});
await new Promise((r) => setTimeout(r, 1_000));
const before = rssMb(pid);
let peak = before;
const poll = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);

const chunk = Buffer.alloc(64 * 1024, "x");
const send = () =>
  new Promise<{ status: number; sentMb: number; ms: number }>((resolve) => {
    const started = Date.now();
    let sent = 0;
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      resolve({ status, sentMb: Math.round(sent / 1024 / 1024), ms: Date.now() - started });
    };
    const ts = Math.floor(Date.now() / 1000);
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/slack/events",
      headers: { "content-type": "application/json", "content-length": bodyBytes, "x-slack-request-timestamp": ts, "x-slack-signature": `v0=${"0".repeat(64)}` },
    });
    req.on("response", (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", () => finish(0));
    const pump = () => {
      while (!done && sent < bodyBytes) {
        const n = Math.min(chunk.length, bodyBytes - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    pump();
  });

const results = await Promise.all(Array.from({ length: concurrency }, send));
await new Promise((r) => setTimeout(r, 2_000));
clearInterval(poll);
const after = rssMb(pid);
console.log(JSON.stringify({ machine: await describeMachine(), appRoot, concurrency, bodyMb: bodyBytes / 1024 / 1024, rssMb: { before, peak, after2s: after }, results }, null, 2));
clearTimeout(abandon);
server.kill("SIGTERM");
