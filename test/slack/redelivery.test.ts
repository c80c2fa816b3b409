// Slack delivers at least once. An event it retries (X-Slack-Retry-Num over
// HTTP; the same envelope with retry_attempt over Socket Mode) and a Socket
// Mode envelope sent again are handled once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipRedeliveries } from "../../src/slack/redelivery.js";
import { backends, log } from "../support/databases.js";
import { startDondoc, TRANSPORTS, USERS, type Dondoc } from "./harness.js";

describe.each(TRANSPORTS)("re-deliveries over %s", (transport) => {
  let d: Dondoc;
  beforeAll(async () => {
    d = await startDondoc(backends[0]!, { transport });
  });
  afterAll(async () => d?.close());

  it("handles a retried app_home_opened (same event_id) once", async () => {
    const publishes = () => d.fake.calls("views.publish").filter((c) => c.args.user_id === USERS.gdnnStaff).length;
    const first = await d.fake.appHomeOpened({ userId: USERS.gdnnStaff });
    expect(first.status).toBe(200);
    await expect.poll(publishes).toBe(1);

    const retried = await d.fake.redeliverEvent(first.eventId);
    expect(retried.status).toBe(200);
    expect(retried.late).toBe(false);
    const again = await d.fake.redeliverEvent(first.eventId);
    expect(again.status).toBe(200);
    await d.runtime.idle();
    expect(publishes()).toBe(1);
    if (transport === "socket") {
      const envelope = d.fake.socketMode.envelopes().find((e) => e.id === first.envelopeId)!;
      expect(envelope.attempts.map((a) => [a.retryAttempt, a.retryReason])).toEqual([
        [0, ""],
        [1, "timeout"],
        [2, "timeout"],
      ]);
      expect(envelope.acks).toHaveLength(3);
    }

    // A new opening (a new event_id) is handled as usual.
    await d.fake.appHomeOpened({ userId: USERS.gdnnStaff });
    await expect.poll(publishes).toBe(2);
  });

  it.runIf(transport === "socket")("handles a slash command envelope delivered twice (same envelope_id) once", async () => {
    const channel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
    const before = await d.db.prisma.obstacle.count();
    const r = await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: channel, command: "/kehoach", text: "vuongmac II.2.c.2 Chưa có số liệu khảo sát" });
    expect(r.status).toBe(200);
    await expect.poll(() => d.db.prisma.obstacle.count()).toBe(before + 1);

    const again = await d.fake.socketMode.redeliver(r.envelopeId!);
    expect(again.status).toBe(200);
    await d.runtime.idle();
    expect(await d.db.prisma.obstacle.count()).toBe(before + 1);
  });
});

describe("the memory of deliveries", () => {
  it("is bounded: the oldest are forgotten first", async () => {
    const middleware = skipRedeliveries(log, { max: 2 });
    let ran = 0;
    const deliver = (eventId: string) => middleware({ body: { event_id: eventId }, context: {}, next: async () => void ran++ } as never);
    for (const id of ["Ev1", "Ev2", "Ev1", "Ev3", "Ev1"]) await deliver(id);
    // Ev1 ran, Ev2 ran, Ev1 skipped, Ev3 ran (Ev1 is now the oldest and goes), Ev1 runs again.
    expect(ran).toBe(4);
  });
});
