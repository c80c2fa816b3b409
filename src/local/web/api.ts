// The page's JSON API: what a person sees (channels, people, messages, the
// open modal, App Home) and what they do (a slash command, a click, a modal
// submitted or closed, App Home opened, the clock moved, a job run). Each
// action goes through the fake Slack exactly as Slack would send it to dondoc.
import type { IncomingMessage, ServerResponse } from "node:http";
import { create as contentDisposition } from "content-disposition";
import { z } from "zod";
import { errorInfo, type Logger } from "../../log.js";
import { compareTs, type FakeSlack, type InputValue, type InteractionResult } from "../../slack-fake/index.js";
import { clockJson, parseVietnamTime, type LocalClock } from "../clock.js";
import type { LocalDirectory } from "../directory.js";
import type { LocalJobs } from "../jobs.js";
import { homeHtml, messageHtml, modalHtml, type ShownMessage } from "../render/views.js";
import type { Names } from "../render/mrkdwn.js";
import type { EventHub } from "./events.js";
import { HttpError, readJson, sendJson } from "./http.js";
import { shareFromPage, storeFromPage } from "./files.js";

export interface ApiDeps {
  fake: FakeSlack;
  clock: LocalClock;
  directory: LocalDirectory;
  jobs: LocalJobs | undefined;
  /** The slash command dondoc answers to, e.g. "/kehoach". */
  command: string;
  events: EventHub;
  log: Logger;
}

/**
 * Messages in time order, each thread's replies right under their parent
 * (the page shows threads opened, where Slack shows "N replies"); a reply
 * whose parent is not in the list stays in its place.
 */
export function threaded<M extends { ts: string; threadTs?: string | undefined }>(messages: readonly M[]): M[] {
  const sorted = [...messages].sort((a, b) => compareTs(a.ts, b.ts));
  const isReply = (m: M) => m.threadTs !== undefined && m.threadTs !== m.ts;
  const parents = new Set(sorted.filter((m) => !isReply(m)).map((m) => m.ts));
  const replies = new Map<string, M[]>();
  for (const m of sorted) if (isReply(m) && parents.has(m.threadTs!)) replies.set(m.threadTs!, [...(replies.get(m.threadTs!) ?? []), m]);
  return sorted.filter((m) => !isReply(m) || !parents.has(m.threadTs!)).flatMap((m) => [m, ...(replies.get(m.ts) ?? [])]);
}

/** The most messages a channel shows; older ones stay in the workspace. */
export const MESSAGES_SHOWN = 200;

const Id = z.string().min(1).max(100);
const Value: z.ZodType<InputValue> = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())]);

const Bodies = {
  command: z.object({ user: Id, channel: Id, text: z.string().max(4_000) }),
  action: z.object({
    user: Id,
    actionId: Id,
    blockId: Id.optional(),
    value: Value.optional(),
    viewId: Id.optional(),
    channelId: Id.optional(),
    messageTs: Id.optional(),
  }),
  submit: z.object({ user: Id, viewId: Id, values: z.record(z.string(), z.record(z.string(), Value)) }),
  close: z.object({ user: Id, viewId: Id }),
  home: z.object({ user: Id }),
  clock: z.object({ at: z.string().max(40) }),
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return result.data;
}

/** What the page needs to know about dondoc's answer to an interaction. */
function outcome(r: InteractionResult): Record<string, unknown> {
  const body = typeof r.body === "object" && r.body !== null ? (r.body as Record<string, unknown>) : {};
  return {
    status: r.status,
    ms: Math.round(r.ms),
    late: r.late,
    ...(typeof body.response_action === "string" ? { responseAction: body.response_action } : {}),
    ...(r.refusal ? { refusal: r.refusal } : {}),
  };
}

export class LocalApi {
  private readonly names: Names;

  constructor(private readonly deps: ApiDeps) {
    const dir = deps.fake.workspace.directory;
    this.names = { user: (id) => dir.user(id)?.realName, channel: (id) => dir.channel(id)?.name };
  }

  /** Answers the request if it is an API route; false otherwise. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const route = `${req.method ?? "GET"} ${url.pathname}`;
    if (route === "GET /api/events") {
      this.deps.events.attach(res);
      return true;
    }
    if (route === "GET /api/workspace") return this.send(res, this.workspace());
    if (route === "GET /api/view") return this.send(res, this.view(url.searchParams));
    if (route === "POST /api/share") return this.send(res, await shareFromPage(this.deps.fake, req, url, (run) => this.interaction(run)));
    if (route === "POST /api/file") return this.send(res, await storeFromPage(this.deps.fake, req, url));
    if (req.method === "GET" && url.pathname.startsWith("/api/files/")) return this.file(res, decodeURIComponent(url.pathname.slice("/api/files/".length)));
    if (req.method === "POST" && url.pathname.startsWith("/api/")) {
      const body = await readJson(req);
      const name = url.pathname.slice("/api/".length);
      if (name === "command") return this.send(res, await this.command(parse(Bodies.command, body)));
      if (name === "action") return this.send(res, await this.action(parse(Bodies.action, body)));
      if (name === "submit") return this.send(res, await this.submit(parse(Bodies.submit, body)));
      if (name === "close") return this.send(res, await this.close(parse(Bodies.close, body)));
      if (name === "home") return this.send(res, await this.home(parse(Bodies.home, body)));
      if (name === "clock") return this.send(res, this.setClock(parse(Bodies.clock, body)));
      if (name.startsWith("jobs/")) return this.send(res, await this.runJob(decodeURIComponent(name.slice("jobs/".length))));
    }
    if (url.pathname.startsWith("/api/")) throw new HttpError(404, `no such API: ${route}`);
    return false;
  }

  /**
   * A file's bytes for the page (an image shown in a message, or a download).
   * Only files shared in a conversation; images inline, anything else as an
   * attachment, never sniffed.
   */
  private file(res: ServerResponse, id: string): true {
    const file = this.deps.fake.workspace.files.get(id);
    if (!file || file.channels.length === 0) throw new HttpError(404, `no such file: ${id}`);
    const image = /^image\/(png|jpeg|gif)$/.test(file.mimetype);
    res.writeHead(200, {
      "content-type": image ? file.mimetype : "application/octet-stream",
      "content-length": String(file.bytes.length),
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      ...(image ? {} : { "content-disposition": attachmentHeader(file.name) }),
    });
    res.end(file.bytes);
    return true;
  }

  private send(res: ServerResponse, body: unknown): true {
    sendJson(res, 200, body);
    return true;
  }

  workspace() {
    const { fake, directory, jobs, command, clock } = this.deps;
    const channels = fake.workspace.directory
      .channels()
      .filter((c) => c.kind !== "im" && !c.archived)
      .map((c) => ({ id: c.id, name: c.name, label: directory.channels.get(c.name)?.label ?? { vi: c.purpose, en: "" } }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      command,
      clock: clockJson(clock.date()),
      channels,
      groups: directory.groups,
      defaultUserId: directory.defaultUserId ?? null,
      jobs: jobs ? jobs.names : null,
    };
  }

  /** What `user` sees with `channel` (a channel id, or "home") selected. */
  view(params: URLSearchParams) {
    const { fake, clock } = this.deps;
    const user = params.get("user") ?? "";
    const channelId = params.get("channel") ?? "";
    if (!fake.workspace.directory.user(user)) throw new HttpError(400, `unknown user "${user}"`);
    const surfaces = fake.workspace.surfaces;
    const modal = surfaces.topModal(user);
    const result: Record<string, unknown> = {
      clock: clockJson(clock.date()),
      modal: modal
        ? { id: modal.id, key: `${modal.id}:${modal.hash}:${JSON.stringify(modal.errors ?? {})}`, depth: surfaces.modalStack(user).length, html: modalHtml(modal, this.names) }
        : null,
    };
    if (channelId === "home") {
      const home = surfaces.home(user);
      const im = fake.workspace.directory.channels().find((c) => c.kind === "im" && c.imUserId === user);
      result.home = home ? { id: home.id, key: `${home.id}:${home.hash}`, html: homeHtml(home, this.names) } : null;
      result.messages = im ? this.messages(im.id, user) : [];
    } else {
      if (!fake.workspace.directory.channel(channelId)) throw new HttpError(400, `unknown channel "${channelId}"`);
      result.messages = this.messages(channelId, user);
    }
    return result;
  }

  private messages(channelId: string, user: string) {
    const { workspace } = this.deps.fake;
    const author = (m: { botId?: string; userId?: string }) =>
      m.botId !== undefined ? { name: workspace.bot.name, bot: true } : { name: workspace.directory.user(m.userId ?? "")?.realName ?? m.userId ?? "?", bot: false };
    const shown: ShownMessage[] = [
      ...workspace.conversations.messages(channelId).map((m) => ({ ...m, author: author(m), ephemeral: false, edited: m.edited !== undefined })),
      ...workspace.conversations.ephemerals({ userId: user, channelId }).map((m) => ({ ...m, author: author(m), ephemeral: true, edited: false })),
    ];
    return threaded(shown)
      .slice(-MESSAGES_SHOWN)
      .map((m) => ({ ts: m.ts, ephemeral: m.ephemeral, text: m.text, html: messageHtml(m, this.names) }));
  }

  private async command(body: z.infer<typeof Bodies.command>) {
    const { fake, command } = this.deps;
    const text = body.text.trim();
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(text);
    if (!match) {
      throw new HttpError(
        400,
        `Ở bản chạy thử chỉ các lệnh ${command} được gửi tới dondoc (thử: ${command} help). · Here only ${command} commands reach dondoc (try: ${command} help).`,
      );
    }
    if (match[1] !== command) throw new HttpError(400, `${match[1]} không phải là lệnh hợp lệ. · ${match[1]} is not a valid command.`);
    const result = await this.interaction(() => fake.slashCommand({ userId: body.user, channelId: body.channel, command, text: match[2] ?? "" }));
    return outcome(result);
  }

  private async action(body: z.infer<typeof Bodies.action>) {
    const input = {
      userId: body.user,
      actionId: body.actionId,
      ...(body.blockId === undefined ? {} : { blockId: body.blockId }),
      ...(body.value === undefined ? {} : { value: body.value }),
      ...(body.viewId === undefined ? {} : { viewId: body.viewId }),
      ...(body.channelId === undefined ? {} : { channelId: body.channelId }),
      ...(body.messageTs === undefined ? {} : { messageTs: body.messageTs }),
    };
    return outcome(await this.interaction(() => this.deps.fake.blockAction(input)));
  }

  private async submit(body: z.infer<typeof Bodies.submit>) {
    const result = await this.interaction(() => this.deps.fake.viewSubmission({ userId: body.user, viewId: body.viewId, values: body.values }));
    const modal = this.deps.fake.workspace.surfaces.view(body.viewId);
    return { ...outcome(result), errors: modal?.errors ?? {}, open: modal !== undefined };
  }

  private async close(body: z.infer<typeof Bodies.close>) {
    const answer = await this.interaction(() => this.deps.fake.viewClosed({ userId: body.user, viewId: body.viewId }));
    return { status: answer?.status ?? null };
  }

  private async home(body: z.infer<typeof Bodies.home>) {
    const answer = await this.interaction(() => this.deps.fake.appHomeOpened({ userId: body.user }));
    return { status: answer.status, ms: Math.round(answer.ms), late: answer.late };
  }

  private setClock(body: z.infer<typeof Bodies.clock>) {
    const at = parseVietnamTime(body.at) ?? (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(body.at) ? new Date(body.at) : undefined);
    if (!at || Number.isNaN(at.getTime())) throw new HttpError(400, `not a date and time: "${body.at}" (YYYY-MM-DDTHH:mm, Vietnam time)`);
    this.deps.clock.set(at);
    this.deps.log.info({ at: at.toISOString() }, "local workspace clock set");
    this.deps.events.publish({ kind: "clock" });
    return { clock: clockJson(this.deps.clock.date()) };
  }

  private async runJob(id: string) {
    const { jobs, clock, log } = this.deps;
    if (!jobs || !jobs.names.some((j) => j.id === id)) throw new HttpError(404, `no such job: ${id}`);
    const at = clock.date();
    const started = performance.now();
    try {
      const summary = await jobs.run(id, at);
      log.info({ job: id, at: at.toISOString(), summary }, "scheduled job run from the local workspace");
      return { id, at: clockJson(at), summary, ms: Math.round(performance.now() - started) };
    } catch (err) {
      log.error({ err: errorInfo(err), job: id }, "scheduled job failed in the local workspace");
      throw new HttpError(500, `${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** A mistake of the page (an unknown user, a stale modal) is a 400; dondoc not answering is a 502. */
  private async interaction<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message.startsWith("fake slack:")) throw new HttpError(400, message.replace(/^fake slack:\s*/, ""));
      this.deps.log.error({ err: errorInfo(err) }, "could not reach dondoc from the local workspace");
      throw new HttpError(502, `dondoc không trả lời · dondoc did not answer: ${message}`);
    }
  }
}

/**
 * Content-Disposition for a download: the name in UTF-8 as RFC 5987/8187's
 * `filename*` (the `content-disposition` package encodes it, `'()*` and all),
 * and for a client that reads only `filename`, the name without its
 * diacritics ("Báo cáo đợt 1.pdf" → "Bao cao dot 1.pdf") rather than the
 * package's default of a "?" for each non-ASCII letter.
 */
export function attachmentHeader(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_");
  return contentDisposition(name, { fallback: ascii });
}
