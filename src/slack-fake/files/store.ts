// Files users have given the workspace: shared in a conversation (a DM with
// the bot fires `file_shared`) or picked in a modal's file_input. The bytes
// are kept in memory; `url_private` is served by the fake (download.ts) only
// to a request carrying the bot token, as Slack does. Kept apart from the
// upload methods (files.getUploadURLExternal / completeUploadExternal), which
// add files through `add` as well.
import type { IdSource } from "../ids.js";
import type { Clock, JsonObject } from "../types.js";

/** The path url_private points at: /files-pri/{team}-{file id}/{name}. */
export const FILE_DOWNLOAD_PATH = "/files-pri/";

export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  userId: string;
  created: number;
  /** Channels it was shared in. */
  channels: string[];
  bytes: Buffer;
}

const MIME: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  png: "image/png",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  htm: "text/html",
};

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private origin = "http://fake.invalid/";

  constructor(
    private readonly ids: IdSource,
    private readonly now: Clock,
    private readonly teamId: string,
  ) {}

  /** Set once the server listens: url_private is absolute. */
  setOrigin(origin: string): void {
    this.origin = origin;
  }

  /** `id`: the id an upload reserved (files.getUploadURLExternal), kept when it completes. */
  add(input: { id?: string; name: string; bytes: Buffer; userId: string; title?: string; mimetype?: string; channelId?: string }): StoredFile {
    const ext = /\.([a-z0-9]+)$/i.exec(input.name)?.[1]?.toLowerCase() ?? "binary";
    const file: StoredFile = {
      id: input.id ?? this.ids.nextId("F"),
      name: input.name,
      title: input.title ?? input.name,
      mimetype: input.mimetype ?? MIME[ext] ?? "application/octet-stream",
      filetype: ext,
      size: input.bytes.length,
      userId: input.userId,
      created: Math.floor(this.now() / 1000),
      channels: input.channelId ? [input.channelId] : [],
      bytes: input.bytes,
    };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  list(): StoredFile[] {
    return [...this.files.values()];
  }

  /** The file id a download path names, if it is one of ours. */
  idFromPath(pathname: string): string | undefined {
    const m = new RegExp(`^${FILE_DOWNLOAD_PATH}${this.teamId}-(F[A-Z0-9]+)/`).exec(pathname);
    return m?.[1];
  }

  urlPrivate(file: StoredFile): string {
    return new URL(`${FILE_DOWNLOAD_PATH}${this.teamId}-${file.id}/${encodeURIComponent(file.name)}`, this.origin).toString();
  }

  /** The file object as files.info and events show it (no bytes). */
  json(file: StoredFile): JsonObject {
    const url = this.urlPrivate(file);
    return {
      id: file.id,
      created: file.created,
      timestamp: file.created,
      name: file.name,
      title: file.title,
      mimetype: file.mimetype,
      filetype: file.filetype,
      user: file.userId,
      size: file.size,
      mode: "hosted",
      is_external: false,
      is_public: false,
      url_private: url,
      url_private_download: `${url}?download=1`,
      channels: file.channels.filter((c) => c.startsWith("C")),
      groups: file.channels.filter((c) => c.startsWith("G")),
      ims: file.channels.filter((c) => c.startsWith("D")),
    };
  }
}
