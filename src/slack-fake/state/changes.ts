// What changed in the workspace, for whoever shows it (a browser workspace
// later). Listeners are called synchronously after each change.

export type WorkspaceChange =
  | { kind: "user"; userId: string }
  | { kind: "channel"; channelId: string }
  | { kind: "message"; action: "posted" | "changed" | "deleted"; channelId: string; ts: string }
  | { kind: "ephemeral"; action: "posted" | "changed" | "deleted"; channelId: string; userId: string; ts: string }
  | { kind: "modal"; action: "opened" | "pushed" | "updated" | "closed"; userId: string; viewId: string }
  | { kind: "home"; action: "published" | "updated"; userId: string; viewId: string };

export type ChangeListener = (change: WorkspaceChange) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
