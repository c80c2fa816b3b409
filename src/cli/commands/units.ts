import type { Command } from "commander";
import { AppError } from "../../errors.js";
import { setUnitChannel } from "../../services/members.js";
import { listUnits } from "../../services/plan-queries.js";
import { parseChannel } from "../../domain/slack-ids.js";
import { asOf } from "../arguments.js";
import type { CliContext, Common } from "../context.js";
import { formatUnits } from "../format.js";

/** `dondoc units list | channel UNIT CHANNEL`. */
export function registerUnits(program: Command, { common, withDb, print, actor }: CliContext): void {
  const units = program.command("units").description("đơn vị / units");
  common(units.command("list").option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("danh sách đơn vị / list units")
    .action(async (opts: Common & { at?: string }) => {
      const list = await withDb((db) => listUnits(db.prisma, asOf(opts.at)));
      print(opts, list, () => formatUnits(list, opts.lang));
    });
  common(units.command("channel").argument("<unit>", "mã đơn vị / unit code").argument("<channel>", "#tên-kênh hoặc mã kênh / #channel-name or channel id"))
    .description("đặt kênh Slack của đơn vị / set a unit's Slack channel")
    .action(async (unit: string, channel: string, opts: Common) => {
      const target = parseChannel(channel);
      if (!target) throw new AppError("CHANNEL_INVALID", { value: channel, usage: "dondoc units channel GDNN #dondoc-gdnn" });
      const u = await withDb((db) => setUnitChannel(db.prisma, { actor, unit, channel: target }));
      print(opts, { code: u.code, channel: u.slackChannel }, () => `${u.code}: ${u.slackChannel}`);
    });
}
