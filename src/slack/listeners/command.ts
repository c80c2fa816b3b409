// /kehoach: parse, find out who is asking, run the subcommand, answer.
import type { App } from "@slack/bolt";
import { officeContacts } from "../../services/members.js";
import { helpMessage } from "../../views/help.js";
import { buildingReport } from "../../views/consolidated-report.js";
import { notRegistered } from "../../views/notices.js";
import { answerWithin, failureMessage } from "../answer.js";
import { HANDLERS } from "../commands/index.js";
import { parseCommand } from "../commands/parse.js";
import { resolveCaller, type Caller, type SlackDeps } from "../context.js";
import { outcomeOf, recordOutcome } from "../metrics.js";

export function registerCommand(app: App, deps: SlackDeps, command: string): void {
  app.command(command, async ({ ack, respond, command: cmd, client, context }) => {
    const parsed = parseCommand(cmd.text ?? "");
    const name = parsed.kind === "command" ? parsed.name : "unknown";
    let caller: Caller = { userId: cmd.user_id, member: null, lang: "vi" };
    const outcome = await answerWithin({
      ack: (m) => ack(m),
      respond: (m) => respond(m),
      work: async () => {
        caller = await resolveCaller(deps, client, cmd.user_id);
        if (parsed.kind === "unknown") return helpMessage(caller.lang, { unknown: parsed.word, suggestion: parsed.suggestion });
        if (!caller.member && parsed.name !== "help") return notRegistered(caller.lang, await officeContacts(deps.prisma));
        return HANDLERS[parsed.name]({ deps, caller, rest: parsed.rest, client, channelId: cmd.channel_id, triggerId: cmd.trigger_id });
      },
      toMessage: (error) => failureMessage(deps, error, caller.lang, `command:${name}`, { user: cmd.user_id, text: cmd.text }),
      // Building the consolidated report is seconds of CPU (the .docx and .xlsx): acknowledged at once, so a busy
      // process can never hold the acknowledgement past Slack's 3 s, and answered when the files are built.
      ...(name === "consolidated" ? { budgetMs: 0, pending: buildingReport() } : {}),
    });
    if (!outcome.ok) recordOutcome(context, outcomeOf(outcome.error));
  });
}
