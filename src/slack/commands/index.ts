// The /kehoach subcommands, by name.
import type { Subcommand } from "./parse.js";
import type { CommandHandler } from "./types.js";
import { channel } from "./channel.js";
import { deliveries } from "./deliveries.js";
import { extension } from "./extension.js";
import { help } from "./help.js";
import { importPlan } from "./import-plan.js";
import { indicators } from "./indicators.js";
import { language } from "./language.js";
import { members } from "./members.js";
import { obstacle } from "./obstacle.js";
import { overview } from "./overview.js";
import { report } from "./report.js";
import { show } from "./show.js";
import { tasks } from "./tasks.js";
import { units } from "./units.js";
import { consolidated, reportStatus, unitReport } from "./unit-reports.js";

export const HANDLERS: Record<Subcommand, CommandHandler> = {
  help,
  overview,
  tasks,
  show,
  report,
  obstacle,
  indicators,
  units,
  members,
  channel,
  language,
  deliveries,
  extension,
  unitReport,
  reportStatus,
  consolidated,
  importPlan,
};
