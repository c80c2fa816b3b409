// Files in the workspace, uploaded the way Slack's "upload v2" takes them:
// files.getUploadURLExternal reserves an id and an upload URL for a declared
// length; the bytes are posted to that URL; files.completeUploadExternal
// makes the files real and, with a channel, shares them there in one
// message. Until completed, a file is invisible (files.info: file_not_found)
// and is never shared. Files a person attaches in a modal's file input are
// added directly (`addUserFile`).
import { createHash } from "node:crypto";
import type { IdSource } from "../ids.js";
import type { Clock } from "../types.js";

export interface SlackFile {
  id: string;
  name: string;
  title: string;
  size: number;
  mimetype: string;
  filetype: string;
  created: number;
  userId: string;
  bytes: Buffer;
  /** Channels it was shared in. */
  channels: string[];
}

interface Reservation {
  id: string;
  name: string;
  length: number;
  secret: string;
  bytes: Buffer | null;
}

const TYPES: Record<string, [string, string]> = {
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  pdf: ["application/pdf", "pdf"],
  png: ["image/png", "png"],
  txt: ["text/plain", "text"],
};

function typeOf(name: string): [string, string] {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  return TYPES[ext] ?? ["application/octet-stream", ext || "binary"];
}

export class Files {
  private readonly byId = new Map<string, SlackFile>();
  private readonly pending = new Map<string, Reservation>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: Clock,
  ) {}

  reserve(name: string, length: number): Reservation {
    const r: Reservation = { id: this.ids.nextId("F"), name, length, secret: this.ids.nextSecret(), bytes: null };
    this.pending.set(r.id, r);
    return r;
  }

  /** The bytes posted to an upload URL; false when the URL is unknown, already used or the secret is wrong. */
  receive(id: string, secret: string, bytes: Buffer): boolean {
    const r = this.pending.get(id);
    if (!r || r.secret !== secret || r.bytes !== null) return false;
    r.bytes = bytes;
    return true;
  }

  /** Whether every id names an upload whose bytes arrived. */
  uploaded(id: string): "ok" | "unknown" | "not_uploaded" {
    const r = this.pending.get(id);
    if (!r) return "unknown";
    return r.bytes === null ? "not_uploaded" : "ok";
  }

  complete(id: string, userId: string, title: string | undefined): SlackFile {
    const r = this.pending.get(id);
    if (!r?.bytes) throw new Error(`fake slack: file ${id} is not uploaded`);
    this.pending.delete(id);
    const [mimetype, filetype] = typeOf(r.name);
    const file: SlackFile = { id, name: r.name, title: title ?? r.name, size: r.bytes.length, mimetype, filetype, created: Math.floor(this.now() / 1000), userId, bytes: r.bytes, channels: [] };
    this.byId.set(id, file);
    return file;
  }

  /** A file a person uploaded (e.g. through a modal's file input). */
  addUserFile(input: { userId: string; name: string; bytes?: Buffer; size?: number }): SlackFile {
    const [mimetype, filetype] = typeOf(input.name);
    const bytes = input.bytes ?? Buffer.alloc(0);
    const file: SlackFile = {
      id: this.ids.nextId("F"),
      name: input.name,
      title: input.name,
      size: input.size ?? bytes.length,
      mimetype,
      filetype,
      created: Math.floor(this.now() / 1000),
      userId: input.userId,
      bytes,
      channels: [],
    };
    this.byId.set(file.id, file);
    return file;
  }

  file(id: string): SlackFile | undefined {
    return this.byId.get(id);
  }

  all(): readonly SlackFile[] {
    return [...this.byId.values()];
  }
}

/** A short, stable digest of a file's bytes, for tests that compare what arrived. */
export function fileDigest(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}
