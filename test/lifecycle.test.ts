// The process-level guards (src/lifecycle.ts) in a real child process: an
// unhandled rejection is logged and the process keeps serving; an uncaught
// exception stops it cleanly (everything closed, in reverse order) with exit
// code 70. Neither logs more than code and message.
// The child's stdout (its own lines: the port, each close) and stderr (the
// log) are two pipes: their lines can reach this process in any order
// between the two, so an order is asserted within one stream only.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

function runChild(fault: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/lifecycle-child.ts", fault], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  // "exit" can come before the pipes are read to the end; "close" comes after.
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const port = new Promise<number>((resolve) => {
    const t = setInterval(() => {
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearInterval(t);
        resolve(Number(m[1]));
      }
    }, 50);
  });
  return { child, exited, port, stdout: () => out, log: () => err, output: () => `${out}${err}` };
}

describe("process guards", () => {
  it("logs an unhandled rejection and keeps serving", async () => {
    const c = runChild("reject");
    const port = await c.port;
    await expect.poll(() => c.log(), { timeout: 20_000 }).toMatch(/unhandled promise rejection/);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe("ok");
    expect(c.child.exitCode).toBeNull();
    const line = c
      .log()
      .split("\n")
      .find((l) => l.includes("unhandled promise rejection"))!;
    expect(JSON.parse(line).err).toEqual({ code: "P1001", message: "lost work xox?-[redacted]" });
    c.child.kill("SIGTERM");
    expect(await c.exited).toBe(0);
    expect(c.stdout()).toMatch(/closed receiver\nclosed database/);
  }, 60_000);

  it("stops cleanly with exit code 70 after an uncaught exception", async () => {
    const c = runChild("throw");
    const code = await c.exited;
    expect(code, c.output()).toBe(70);
    expect(c.log()).toMatch(/uncaught exception; stopping cleanly/);
    expect(c.stdout()).toMatch(/closed receiver\nclosed database/);
    expect(c.output()).not.toContain("xoxb-should-not-appear");
    expect(c.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe("the command line's guard", () => {
  it("turns an unhandled rejection into the bilingual unexpected-error line and exit code 70", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/cli-guard-child.ts"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, err).toBe(70);
    expect(out).toContain("command finished");
    expect(err).toMatch(/Đã có lỗi không mong muốn \(E[0-9a-z]+\)/);
    expect(err).toMatch(/Something unexpected went wrong \(E[0-9a-z]+\)/);
    expect(err).toMatch(/"code":"P1001"/);
    expect(err).not.toContain("xoxb-should-not-appear");
    expect(err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
