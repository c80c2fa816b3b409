// Backing up the embedded database while the bot runs.
//
// PGlite takes one process at a time (data-dir-lock.ts), so while the bot
// runs `dondoc db backup` cannot open the data directory itself. Instead the
// running bot listens on a Unix socket beside its data directory
// (`<dir>.sock`, next to `<dir>.pid`), readable and writable by its own user
// only (mode 0600), and serves one thing there: a consistent backup, read in
// one REPEATABLE READ transaction on the bot's own connection (writeBackup,
// the same lines `dondoc db backup` writes to a file). The CLI streams it to
// the file and keeps it only when the trailer (the row counts) arrived.
// When no bot listens, the CLI opens the database itself, as before.
//
// Restoring is not served: a restore replaces every row under a bot that is
// using them, so the CLI refuses it while the bot runs (RESTORE_BOT_RUNNING)
// and says to stop the bot first.
//
// The protocol is one JSON line each way before the data: the client sends
// {"op":"backup"}; the server answers with the backup's lines, or one
// {"error":{code,vi,en}} line. Unix sockets only (not Windows named pipes).
import { once } from "node:events";
import { chmod, rename, unlink } from "node:fs/promises";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { resolve } from "node:path";
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { PrismaClient } from "../generated/prisma/client.js";
import { AppError, isAppError } from "../errors.js";
import { errorInfo, type Logger } from "../log.js";
import { parseTrailer, writeBackup, type BackupSummary } from "./backup.js";

export const socketPath = (dataDir: string) => `${resolve(dataDir)}.sock`;

/** sun_path holds 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;
const REQUEST_TIMEOUT_MS = 5_000;
const MAX_REQUEST_BYTES = 1_024;

export interface BackupServer {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Serves backups of `prisma`'s database on `<dataDir>.sock`. Call it only
 * while holding the data directory's lock: a socket file found there is a
 * dead bot's and is replaced. Returns null (and logs why) where it cannot
 * serve: Windows, or a path too long for a Unix socket.
 */
export async function serveBackups(prisma: PrismaClient, dataDir: string, log: Logger): Promise<BackupServer | null> {
  const path = socketPath(dataDir);
  if (process.platform === "win32" || Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    log.warn({ path }, "backups while running are not served here (Windows, or the data directory's path is too long for a Unix socket): stop dondoc to back up");
    return null;
  }
  await unlink(path).catch(() => undefined);
  // Connections accepted before the socket is made private are dropped.
  let private_ = false;
  const server: Server = createServer((socket) => {
    if (!private_) return void socket.destroy();
    void serve(socket, prisma, log);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(path, () => {
      server.off("error", fail);
      ok();
    });
  });
  await chmod(path, 0o600);
  private_ = true;
  server.on("error", (e) => log.error({ err: errorInfo(e) }, "backup socket failed"));
  return {
    path,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await unlink(path).catch(() => undefined);
    },
  };
}

function errorLine(e: unknown): string {
  const reason = errorInfo(e).message ?? "?";
  const app = isAppError(e) ? e : new AppError("BACKUP_FAILED", { reasonVi: reason, reasonEn: reason });
  return JSON.stringify({ error: { code: app.code, vi: app.text("vi"), en: app.text("en") } });
}

async function serve(socket: Socket, prisma: PrismaClient, log: Logger): Promise<void> {
  socket.setEncoding("utf8");
  socket.on("error", () => undefined); // a client that went away; seen below as a closed socket
  const request = await readRequest(socket);
  if (request?.op !== "backup") {
    socket.end(`${errorLine(new AppError("BACKUP_FAILED", { reasonVi: "yêu cầu không hợp lệ", reasonEn: "not a backup request" }))}\n`);
    return;
  }
  const write = async (line: string) => {
    if (socket.destroyed || socket.writableEnded) throw new Error("the backup's reader went away");
    if (!socket.write(`${line}\n`)) {
      // A reader that stops reading ends the transaction instead of holding it open forever.
      await Promise.race([once(socket, "drain"), once(socket, "close").then(() => Promise.reject(new Error("the backup's reader went away")))]);
    }
  };
  const started = performance.now();
  try {
    const r = await writeBackup(prisma, write);
    socket.end();
    log.info({ rows: r.rows, ms: Math.round(performance.now() - started) }, "served a backup");
  } catch (e) {
    log.error({ err: errorInfo(e) }, "could not serve a backup");
    if (!socket.destroyed) socket.end(`${errorLine(e)}\n`);
  }
}

/** The first line, parsed; null for anything else (too long, too slow, not JSON). */
async function readRequest(socket: Socket): Promise<{ op?: unknown } | null> {
  return new Promise((done) => {
    let buffer = "";
    const finish = (value: { op?: unknown } | null) => {
      clearTimeout(timer);
      socket.off("data", onData);
      done(value);
    };
    const timer = setTimeout(() => finish(null), REQUEST_TIMEOUT_MS);
    const onData = (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf("\n");
      if (nl < 0 && buffer.length <= MAX_REQUEST_BYTES) return;
      try {
        finish(nl < 0 ? null : (JSON.parse(buffer.slice(0, nl)) as { op?: unknown }));
      } catch {
        finish(null);
      }
    };
    socket.on("data", onData);
    socket.once("close", () => finish(null));
  });
}

/** An error line from the bot, in both its languages. */
function botError(line: string): AppError {
  try {
    const { error } = JSON.parse(line) as { error: { code: string; vi: string; en: string } };
    return new AppError("BACKUP_FAILED", { reasonVi: error.vi, reasonEn: error.en });
  } catch {
    return new AppError("BACKUP_FAILED", { reasonVi: "trả lời không đọc được", reasonEn: "an unreadable answer" });
  }
}

/**
 * Asks the bot running on `dataDir` for a backup and writes it to `file`
 * (via `<file>.partial`, renamed once the trailer arrived). Returns null when
 * no bot listens there (no socket, or a dead bot's): open the database instead.
 */
export async function backupFromRunningBot(dataDir: string, file: string): Promise<BackupSummary | null> {
  const path = socketPath(dataDir);
  if (process.platform === "win32" || Buffer.byteLength(path) > MAX_SOCKET_PATH) return null;
  const socket = createConnection(path);
  try {
    await once(socket, "connect");
  } catch (e) {
    socket.destroy();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ECONNREFUSED") return null;
    throw e;
  }
  socket.write(`${JSON.stringify({ op: "backup" })}\n`);
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp, { encoding: "utf8", mode: 0o600 });
  // Each line is written when the next arrives: the last must be the trailer.
  let previous: string | null = null;
  let migrations = 0;
  try {
    for await (const line of createInterface({ input: socket, crlfDelay: Infinity })) {
      // Rows start {"t":, the header {"format":: an error line is never data.
      if (line.startsWith('{"error"')) throw botError(line);
      if (previous === null) migrations = (JSON.parse(line) as { migrations?: unknown[] }).migrations?.length ?? 0;
      else if (!out.write(`${previous}\n`)) await once(out, "drain");
      previous = line;
    }
    const trailer = previous === null ? null : parseTrailer(previous);
    if (!trailer) throw new AppError("BACKUP_FAILED", { reasonVi: "dondoc dừng giữa chừng", reasonEn: "dondoc stopped part-way" });
    out.end(`${previous}\n`);
    await once(out, "finish");
    await rename(tmp, file);
    return { file, migrations, tables: trailer.tables, rows: Object.values(trailer.tables).reduce((a, b) => a + b, 0) };
  } catch (e) {
    out.destroy();
    await unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    socket.destroy();
  }
}
