// The whole state of the fake workspace: who is in it, what was said where,
// and what each user has open. Everything is queryable, so that tests can
// assert on it and a browser workspace can render it.
import type { IdSource } from "../ids.js";
import type { Clock } from "../types.js";
import { ChangeFeed, type ChangeListener } from "./changes.js";
import { Conversations } from "./conversations.js";
import { Directory, type ChannelInput, type UserInput } from "./directory.js";
import { FileStore } from "../files/store.js";
import { Surfaces } from "./surfaces.js";

export interface Team {
  id: string;
  domain: string;
  name: string;
}

/** The app under test as Slack knows it. */
export interface BotIdentity {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

export interface SeedInput {
  channels?: ChannelInput[];
  users?: UserInput[];
}

export class Workspace {
  readonly directory: Directory;
  readonly conversations: Conversations;
  readonly surfaces: Surfaces;
  /** Files shared with or picked by users (src/slack-fake/files). */
  readonly files: FileStore;
  private readonly changes = new ChangeFeed();

  constructor(
    readonly team: Team,
    readonly bot: BotIdentity,
    ids: IdSource,
    now: Clock,
  ) {
    this.directory = new Directory(ids, now, this.changes);
    this.conversations = new Conversations(ids, this.changes);
    this.surfaces = new Surfaces(ids, this.changes);
    this.files = new FileStore(ids, now, team.id);
    this.directory.addUser({ id: bot.userId, name: bot.name, isBot: true });
  }

  /** Users first, so that channels can name them as members. */
  seed(input: SeedInput): void {
    for (const user of input.users ?? []) this.directory.addUser(user);
    for (const channel of input.channels ?? []) this.directory.addChannel(channel);
  }

  onChange(listener: ChangeListener): () => void {
    return this.changes.subscribe(listener);
  }
}
