// Every surface the views produce, built from the realistic fixtures and from
// oversized ones; shared by the golden and the limit tests.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../../src/models/index.js";
import { helpMessage } from "../../src/views/help.js";
import { homeView, unregisteredHomeView } from "../../src/views/home.js";
import { indicatorsMessage } from "../../src/views/indicators.js";
import { membersMessage } from "../../src/views/members.js";
import { confirmation, errorMessage, forbidden, notRegistered, obstacleRaised, obstacleSaved, reportPosted, reportSaved } from "../../src/views/notices.js";
import { overviewMessage } from "../../src/views/overview.js";
import { reportModal } from "../../src/views/report-modal.js";
import { taskDetailMessage } from "../../src/views/task-detail.js";
import { taskListMessage } from "../../src/views/task-list.js";
import { unitsMessage } from "../../src/views/units.js";
import { deliveriesMessage } from "../../src/views/deliveries.js";
import * as f from "./fixtures.js";
import { digestMessage } from "../../src/views/digest.js";
import { reminderMessage } from "../../src/views/reminder.js";
import { reportDeadlineMessage } from "../../src/views/report-deadline.js";
import { unitSummaryMessage } from "../../src/views/unit-summary.js";
import { unitReportDraftsMessage } from "../../src/views/unit-report.js";
import * as w from "./weekly-fixtures.js";

export type Output = { kind: "message"; out: { text: string; blocks: KnownBlock[] } } | { kind: "modal" | "home"; out: View };

type Build = (lang: Lang) => Output;

const msg =
  (build: (lang: Lang) => { text: string; blocks: KnownBlock[] }): Build =>
  (lang) => ({ kind: "message", out: build(lang) });
const modal =
  (build: (lang: Lang) => View): Build =>
  (lang) => ({ kind: "modal", out: build(lang) });
const home =
  (build: (lang: Lang) => View): Build =>
  (lang) => ({ kind: "home", out: build(lang) });

/** name → surface built from a realistic model; each has a golden file per language. */
export const SURFACES: Record<string, Build> = {
  help: msg((lang) => helpMessage(lang)),
  "help-unknown": msg((lang) => helpMessage(lang, { unknown: "bao-cao", suggestion: "baocao" })),
  overview: msg((lang) => overviewMessage(f.overview, lang)),
  "task-list": msg((lang) => taskListMessage(f.taskList, lang)),
  "task-list-empty": msg((lang) => taskListMessage(f.taskListEmpty, lang)),
  "task-detail": msg((lang) => taskDetailMessage(f.taskDetail, lang)),
  "report-modal": modal((lang) => reportModal(f.reportModalModel, lang)),
  "report-modal-no-tasks": modal((lang) => reportModal({ ...f.reportModalModel, tasks: [], selectedTaskId: null }, lang)),
  home: home((lang) => homeView(f.home, lang)),
  "home-no-unit": home((lang) => homeView(f.homeLeadership, lang)),
  "home-unregistered": home((lang) => unregisteredHomeView(lang, f.OFFICE_CONTACTS)),
  indicators: msg((lang) => indicatorsMessage(f.indicators, lang)),
  units: msg((lang) => unitsMessage(f.units, lang)),
  members: msg((lang) => membersMessage(f.members, lang)),
  "report-posted": msg((lang) => reportPosted(f.reportPostedModel, lang)),
  "obstacle-raised": msg((lang) => obstacleRaised(f.obstacleRaisedModel, lang)),
  "report-saved": msg((lang) => reportSaved(lang, "II.2.c.2", 60)),
  "obstacle-saved": msg((lang) => obstacleSaved(lang, "II.2.c.2")),
  error: msg(() => errorMessage("Không tìm thấy nhiệm vụ “II.9”. Kiểm tra mã bằng `/kehoach viec`.")),
  confirmation: msg((lang) => confirmation(lang, { vi: "Kênh của LĐ-VL từ nay là <#C0DONDOCLDVL>.", en: "LĐ-VL's channel is now <#C0DONDOCLDVL>." })),
  "not-registered": msg((lang) => notRegistered(lang, f.OFFICE_CONTACTS)),
  forbidden: msg((lang) => forbidden(lang, lang === "vi" ? "thêm thành viên" : "add members")),
  reminder: msg((lang) => reminderMessage(w.reminder, lang)),
  "reminder-all-clear": msg((lang) => reminderMessage(w.reminderAllClear, lang)),
  "unit-summary": msg((lang) => unitSummaryMessage(w.unitSummary, lang)),
  "unit-summary-quiet": msg((lang) => unitSummaryMessage(w.unitSummaryQuiet, lang)),
  digest: msg((lang) => digestMessage(w.digest, lang)),
  "digest-first-week": msg((lang) => digestMessage(w.digestFirstWeek, lang)),
  "report-deadline-quarter": msg((lang) => reportDeadlineMessage(w.reportDeadlineQuarter, lang)),
  "report-deadline-half-year": msg((lang) => reportDeadlineMessage(w.reportDeadlineHalfYear, lang)),
  "report-deadline-year": msg((lang) => reportDeadlineMessage(w.reportDeadlineYear, lang)),
  "report-deadline-office": msg((lang) => reportDeadlineMessage(w.reportDeadlineOffice, lang)),
  deliveries: msg((lang) => deliveriesMessage(f.deliveries, lang)),
  "unit-report-draft": msg((lang) => unitReportDraftsMessage([f.unitReportDraft], lang)),
  "unit-report-drafts (2 plans)": msg((lang) => unitReportDraftsMessage(f.unitReportDrafts, lang)),
};

const o = f.oversized;

/** The same surfaces fed 200 tasks, 5,000-character texts and 100-character unit names. */
export const OVERSIZED: Record<string, Build> = {
  "help-unknown": msg((lang) => helpMessage(lang, { unknown: f.LONG(5_000), suggestion: f.LONG(5_000) })),
  overview: msg((lang) => overviewMessage(o.overview, lang)),
  "task-list (200 tasks sent)": msg((lang) => taskListMessage(o.taskList, lang)),
  "task-list (a page of 10)": msg((lang) => taskListMessage(o.taskListPage, lang)),
  "task-detail": msg((lang) => taskDetailMessage(o.taskDetail, lang)),
  "report-modal": modal((lang) => reportModal(o.reportModal, lang)),
  home: home((lang) => homeView(o.home, lang)),
  "home-unregistered": home((lang) => unregisteredHomeView(lang, o.officeContacts)),
  indicators: msg((lang) => indicatorsMessage(o.indicators, lang)),
  units: msg((lang) => unitsMessage(o.units, lang)),
  members: msg((lang) => membersMessage(o.members, lang)),
  "report-posted": msg((lang) => reportPosted(o.reportPosted, lang)),
  "obstacle-raised": msg((lang) => obstacleRaised(o.obstacleRaised, lang)),
  "report-saved": msg((lang) => reportSaved(lang, f.LONG(5_000), 100)),
  "obstacle-saved": msg((lang) => obstacleSaved(lang, f.LONG(5_000))),
  error: msg(() => errorMessage(f.LONG(5_000))),
  confirmation: msg((lang) => confirmation(lang, { vi: f.LONG(5_000), en: f.LONG(5_000) })),
  "not-registered": msg((lang) => notRegistered(lang, o.officeContacts)),
  forbidden: msg((lang) => forbidden(lang, f.LONG(5_000))),
  "reminder (200 tasks a list, 500 leads)": msg((lang) => reminderMessage(w.oversizedWeekly.reminder, lang)),
  "reminder (first ten of each list)": msg((lang) => reminderMessage(w.oversizedWeekly.reminderFirstTen, lang)),
  "unit-summary (1,000 reports)": msg((lang) => unitSummaryMessage(w.oversizedWeekly.unitSummary, lang)),
  "digest (1,000 units, 500 overdue tasks)": msg((lang) => digestMessage(w.oversizedWeekly.digest, lang)),
  "report-deadline": msg((lang) => reportDeadlineMessage(w.oversizedWeekly.reportDeadline, lang)),
  "unit-report-drafts (40 plans)": msg((lang) => unitReportDraftsMessage(f.unitReportDraftsOversized, lang)),
};

export const LANGS: readonly Lang[] = ["vi", "en"];
