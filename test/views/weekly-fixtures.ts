// Models of the weekly messages (reminder, unit summary, leadership digest,
// report-deadline reminder), from plan 1565/KH-SLĐTBXH and examples/org.yaml
// in the week of Monday 02/10/2023, and oversized ones for the limit tests
// (1,000 units, 500 overdue tasks, 5,000-character texts).
import type { DigestModel, ReportDeadlineModel, StatusCounts, TaskSummary, UnitReminderModel, UnitRef, UnitSummaryModel } from "../../src/models/index.js";
import { GDNN, KHTC, LDVL, LONG, PLAN, TASKS, TTDVVL, VP, manyTasks, overview } from "./fixtures.js";
import { completionRates } from "../../src/domain/status.js";

export const WEEK = "2023-W40";
export const MONDAY = "2023-10-02";
export const FRIDAY = "2023-10-06";

const counts = (OVERDUE: number, IN_PROGRESS: number, NOT_STARTED: number, DONE_ON_TIME: number, DONE_LATE: number): StatusCounts => ({
  OVERDUE,
  IN_PROGRESS,
  NOT_STARTED,
  DONE_ON_TIME,
  DONE_LATE,
});

const surveyListOverdue: TaskSummary = {
  ...TASKS.surveyList,
  id: 9,
  status: "OVERDUE",
  percent: 50,
  lastReportOn: "2023-09-22",
};

const apologyLetters: TaskSummary = {
  id: 19,
  code: "II.2.a.4.4",
  planNumber: PLAN,
  title: "Kiểm tra thực hiện thư xin lỗi đối với hồ sơ trễ hạn",
  role: "COOPERATING",
  status: "IN_PROGRESS",
  dueLabel: "trước ngày 15/10/2023",
  dueOn: "2023-10-15",
  percent: 20,
  lastReportOn: "2023-09-29",
  missingReport: null,
  lead: [VP],
};

const disseminate: TaskSummary = {
  id: 47,
  code: "III.2",
  planNumber: PLAN,
  title: "Quán triệt kế hoạch đến toàn thể công chức, viên chức của đơn vị",
  role: "LEAD",
  status: "NOT_STARTED",
  dueLabel: "Thường xuyên",
  dueOn: null,
  percent: 0,
  lastReportOn: null,
  missingReport: null,
  lead: [VP, LDVL, GDNN, TTDVVL, KHTC],
};

export const reminder: UnitReminderModel = {
  unit: LDVL,
  unitLeads: ["U0LDVL0001", "U0LDVL0003"],
  week: WEEK,
  today: MONDAY,
  overdue: [TASKS.ddciList],
  dueSoon: [],
  stale: [TASKS.insurance, disseminate],
  counts: { overdue: 1, dueSoon: 0, stale: 2 },
  // Tasks LĐ-VL cooperates on are counted, not listed, except one with its own open obstacle.
  cooperating: { overdue: 16, dueSoon: 1, withObstacle: [apologyLetters] },
  openObstacles: [
    {
      task: { code: "II.2.c.2", title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI" },
      text: "Viện NCPT chưa gửi văn bản đề nghị nên chưa chốt được số lượng doanh nghiệp <50 lao động.",
      raisedAt: new Date("2023-09-25T14:00:00+07:00"),
    },
    {
      task: { code: "II.2.a.4.4", title: "Kiểm tra thực hiện thư xin lỗi đối với hồ sơ trễ hạn" },
      text: "Chưa có danh sách hồ sơ trễ hạn quý III của bộ phận một cửa.",
      raisedAt: new Date("2023-09-28T09:00:00+07:00"),
    },
  ],
};

/** A unit with nothing to chase. */
export const reminderAllClear: UnitReminderModel = {
  unit: KHTC,
  unitLeads: ["U0KHTC0001"],
  week: WEEK,
  today: MONDAY,
  overdue: [],
  dueSoon: [],
  stale: [],
  counts: { overdue: 0, dueSoon: 0, stale: 0 },
  cooperating: { overdue: 3, dueSoon: 0, withObstacle: [] },
  openObstacles: [],
};

export const unitSummary: UnitSummaryModel = {
  unit: LDVL,
  week: WEEK,
  from: MONDAY,
  to: FRIDAY,
  reports: [
    {
      task: { code: "II.2.c.2", title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI" },
      role: "LEAD",
      reporter: "U0LDVL0001",
      percent: 60,
      previousPercent: 40,
      done: false,
      reportedAt: new Date("2023-10-03T09:15:00+07:00"),
    },
    {
      task: { code: "II.2.a.2.3", title: "Lựa chọn danh sách DN, công dân, tổ chức cho khảo sát SIPAS, DDCI" },
      role: "COOPERATING",
      reporter: "U0LDVL0002",
      percent: 100,
      previousPercent: null,
      done: true,
      reportedAt: new Date("2023-10-04T15:40:00+07:00"),
    },
    {
      task: { code: "II.2.b.2", title: "Hướng dẫn, kiểm tra quy định BHXH, BHTN; hỗ trợ người có công, người nghèo" },
      role: "LEAD",
      reporter: "cli:Trần Thị Bình",
      percent: 60,
      previousPercent: 60,
      done: false,
      reportedAt: new Date("2023-10-05T10:00:00+07:00"),
    },
  ],
  reportCount: 3,
  doneThisWeek: [{ ...TASKS.surveyList, lastReportOn: "2023-10-04" }],
  overdue: [{ ...TASKS.ddciList, percent: 60, lastReportOn: "2023-10-03" }],
  overdueCount: 1,
};

/** A unit that sent nothing this week and has nothing overdue. */
export const unitSummaryQuiet: UnitSummaryModel = {
  unit: KHTC,
  week: WEEK,
  from: MONDAY,
  to: FRIDAY,
  reports: [],
  reportCount: 0,
  doneThisWeek: [],
  overdue: [],
  overdueCount: 0,
};

const criteriaTask: TaskSummary = {
  id: 35,
  code: "II.2.c.3.1",
  planNumber: PLAN,
  title: "Tiêu chí: thủ tục miễn, giảm chi phí đào tạo nghề cho người lao động",
  role: null,
  status: "OVERDUE",
  dueLabel: "Quý II/2023",
  dueOn: "2023-06-30",
  percent: 30,
  lastReportOn: "2023-08-10",
  missingReport: null,
  lead: [GDNN],
};

const priorities: TaskSummary = {
  id: 2,
  code: "II.2.a.1",
  planNumber: PLAN,
  title: "Xác định nhiệm vụ trọng tâm, giải pháp CCHC năm 2023",
  role: null,
  status: "OVERDUE",
  dueLabel: "Quý III/2023",
  dueOn: "2023-09-30",
  percent: 80,
  lastReportOn: "2023-09-27",
  missingReport: null,
  lead: [VP],
};

export const digest: DigestModel = {
  today: FRIDAY,
  week: WEEK,
  plans: [{ number: PLAN, title: overview.plan.title }],
  now: { total: 42, counts: counts(3, 24, 6, 7, 2), rates: completionRates(counts(3, 24, 6, 7, 2)) },
  lastWeek: { total: 42, counts: counts(4, 23, 8, 5, 2), rates: completionRates(counts(4, 23, 8, 5, 2)) },
  byIndex: [
    { code: "PAR_INDEX", name: "PAR INDEX", counts: counts(1, 9, 2, 3, 1), lastWeekDone: 3, lastWeekTotal: 16 },
    { code: "SIPAS", name: "SIPAS", counts: counts(0, 7, 1, 1, 0), lastWeekDone: 1, lastWeekTotal: 9 },
    { code: "DDCI", name: "DDCI", counts: counts(2, 5, 3, 2, 1), lastWeekDone: 2, lastWeekTotal: 13 },
  ],
  criteria: [
    {
      index: "PAR INDEX",
      code: "PAR.TONG",
      name: "Điểm Chỉ số cải cách hành chính của Sở",
      measureUnit: "điểm",
      target: 85,
      higherIsBetter: true,
      latest: { period: "2022", value: 82.35 },
      previous: { period: "2021", value: 80.12 },
    },
    {
      index: "SIPAS",
      code: "SIPAS.TONG",
      name: "Chỉ số hài lòng chung về sự phục vụ của Sở",
      measureUnit: "%",
      target: 90,
      higherIsBetter: true,
      latest: { period: "2022", value: 91.2 },
      previous: { period: "2021", value: 89.7 },
    },
    {
      index: "DDCI",
      code: "DDCI.DTLD.01",
      name: "Thủ tục để được miễn, giảm chi phí đào tạo nghề cho người lao động để thực hiện",
      measureUnit: "%",
      target: null,
      higherIsBetter: true,
      latest: { period: "2022", value: 62.5 },
      previous: { period: "2021", value: 58 },
    },
    {
      index: "DDCI",
      code: "DDCI.DTLD.04",
      name: "Tỷ lệ chi phí tuyển dụng lao động trong tổng chi phí kinh doanh",
      measureUnit: "%",
      target: 5,
      higherIsBetter: false,
      latest: null,
      previous: null,
    },
    {
      index: "DDCI",
      code: "DDCI.DTLD.10",
      name: "Giáo dục dạy nghề tại tỉnh có chất lượng tốt",
      measureUnit: "%",
      target: 80,
      higherIsBetter: true,
      latest: { period: "2022", value: 71 },
      previous: { period: "2021", value: 74.5 },
    },
  ],
  byUnit: [
    { unit: VP, lead: counts(1, 12, 2, 4, 1), lastWeekLead: counts(2, 12, 2, 3, 1), rates: completionRates(counts(1, 12, 2, 4, 1)), reportsThisWeek: 4 },
    { unit: LDVL, lead: counts(1, 4, 0, 1, 0), lastWeekLead: counts(1, 5, 0, 0, 0), rates: completionRates(counts(1, 4, 0, 1, 0)), reportsThisWeek: 3 },
    { unit: GDNN, lead: counts(1, 10, 4, 1, 0), lastWeekLead: counts(1, 9, 6, 0, 0), rates: completionRates(counts(1, 10, 4, 1, 0)), reportsThisWeek: 2 },
    { unit: TTDVVL, lead: counts(0, 4, 0, 1, 1), lastWeekLead: counts(0, 4, 0, 1, 1), rates: completionRates(counts(0, 4, 0, 1, 1)), reportsThisWeek: 0 },
    { unit: KHTC, lead: counts(0, 4, 0, 1, 0), lastWeekLead: counts(0, 4, 0, 1, 0), rates: completionRates(counts(0, 4, 0, 1, 0)), reportsThisWeek: 0 },
  ],
  overdue: [
    { ...criteriaTask, daysOverdue: 98 },
    { ...TASKS.ddciList, role: null, percent: 60, daysOverdue: 6 },
    { ...priorities, daysOverdue: 6 },
    { ...TASKS.monitoring, role: null, daysOverdue: null },
  ],
  overdueCount: 4,
  objectives: overview.objectives,
  openObstacles: [
    {
      id: 9,
      task: { code: "II.2.c.3.1", title: criteriaTask.title },
      unit: GDNN,
      text: "Chưa có kinh phí thuê đơn vị khảo sát độc lập; đề nghị Phòng KH-TC bố trí trong dự toán quý IV.",
      raisedAt: new Date("2023-09-04T10:30:00+07:00"),
      days: 32,
    },
    {
      id: 7,
      task: { code: "II.2.c.2", title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI" },
      unit: LDVL,
      text: "Viện NCPT chưa gửi văn bản đề nghị nên chưa chốt được số lượng doanh nghiệp <50 lao động.",
      raisedAt: new Date("2023-09-25T14:00:00+07:00"),
      days: 11,
    },
  ],
  silentUnits: [TTDVVL, KHTC],
  reportsThisWeek: 9,
};

/** The first digest of a plan: no week before, nothing finished, nothing reported. */
export const digestFirstWeek: DigestModel = {
  ...digest,
  now: { total: 42, counts: counts(0, 0, 42, 0, 0), rates: completionRates(counts(0, 0, 42, 0, 0)) },
  lastWeek: { total: 0, counts: counts(0, 0, 0, 0, 0), rates: completionRates(counts(0, 0, 0, 0, 0)) },
  byIndex: [],
  criteria: [],
  byUnit: [],
  overdue: [],
  overdueCount: 0,
  openObstacles: [],
  silentUnits: [],
  reportsThisWeek: 0,
  objectives: [],
};

export const reportDeadlineQuarter: ReportDeadlineModel = {
  unit: LDVL,
  unitLeads: ["U0LDVL0001"],
  recipient: "UNIT",
  period: { key: "2023-Q3", kind: "QUARTER", quarter: 3, year: 2023 },
  window: { start: "2023-06-15", end: "2023-09-14" },
  plans: [{ number: PLAN, unitsDue: "2023-09-08", officeDue: "2023-09-15", superior: "UBND tỉnh (qua Sở Nội vụ)" }],
  openLeadTasks: 5,
  overdueLeadTasks: 1,
};

export const reportDeadlineHalfYear: ReportDeadlineModel = {
  unit: GDNN,
  unitLeads: ["U0GDNN0001", "U0GDNN0002"],
  recipient: "UNIT",
  period: { key: "2023-H1", kind: "HALF_YEAR", quarter: 2, year: 2023 },
  window: { start: "2022-12-15", end: "2023-06-14" },
  plans: [
    { number: "277/KH-SLĐTBXH", unitsDue: "2023-06-09", officeDue: "2023-06-15", superior: "UBND tỉnh (qua Sở Nội vụ)" },
    { number: "3883/KH-SLĐTBXH", unitsDue: "2023-06-09", officeDue: "2023-06-15", superior: "UBND tỉnh (qua Sở Nội vụ)" },
  ],
  openLeadTasks: 15,
  overdueLeadTasks: 0,
};

export const reportDeadlineYear: ReportDeadlineModel = {
  unit: KHTC,
  unitLeads: [],
  recipient: "UNIT",
  period: { key: "2023", kind: "YEAR", quarter: 4, year: 2023 },
  window: { start: "2022-12-15", end: "2023-12-14" },
  plans: [{ number: PLAN, unitsDue: "2023-12-08", officeDue: "2023-12-15", superior: "UBND tỉnh (qua Sở Nội vụ)" }],
  openLeadTasks: 0,
  overdueLeadTasks: 0,
};

/** The Office's own reminder: it consolidates and sends the department's report, it does not report to itself. */
export const reportDeadlineOffice: ReportDeadlineModel = {
  unit: VP,
  unitLeads: ["U0VP000001"],
  recipient: "OFFICE",
  period: { key: "2023-Q3", kind: "QUARTER", quarter: 3, year: 2023 },
  window: { start: "2023-06-15", end: "2023-09-14" },
  plans: [{ number: PLAN, unitsDue: "2023-09-08", officeDue: "2023-09-15", superior: "UBND tỉnh (qua Sở Nội vụ)" }],
  openLeadTasks: 20,
  overdueLeadTasks: 2,
};

// ---- Oversized: a province-scale department, every text as long as anything.

const bigUnit: UnitRef = { code: "ĐV-".padEnd(100, "X"), name: LONG(100, "Phòng rất dài ") };
const manyUnits = (n: number): UnitRef[] => Array.from({ length: n }, (_, i) => ({ code: `ĐV-${i}-`.padEnd(100, "X"), name: LONG(100, "Phòng rất dài ") }));
const leads = (n: number) => Array.from({ length: n }, (_, i) => `U${String(i).padStart(9, "0")}`);
const longPeriod = LONG(100, "Quý IV/2023 ");

export const oversizedWeekly = {
  reminder: {
    unit: bigUnit,
    unitLeads: leads(500),
    week: WEEK,
    today: MONDAY,
    overdue: manyTasks(200),
    dueSoon: manyTasks(200),
    stale: manyTasks(200),
    counts: { overdue: 500, dueSoon: 500, stale: 500 },
    cooperating: { overdue: 500, dueSoon: 500, withObstacle: manyTasks(200) },
    openObstacles: Array.from({ length: 200 }, () => ({
      task: { code: bigUnit.code, title: LONG(5_000) },
      text: LONG(5_000),
      raisedAt: new Date("2023-09-25T14:00:00+07:00"),
    })),
  } satisfies UnitReminderModel,
  /** What a use case really sends: the first ten of each list, with full counts. */
  reminderFirstTen: {
    unit: bigUnit,
    unitLeads: leads(3),
    week: WEEK,
    today: MONDAY,
    overdue: manyTasks(10),
    dueSoon: manyTasks(10),
    stale: manyTasks(10),
    counts: { overdue: 500, dueSoon: 40, stale: 12 },
    cooperating: { overdue: 16, dueSoon: 2, withObstacle: manyTasks(3) },
    openObstacles: [],
  } satisfies UnitReminderModel,
  unitSummary: {
    unit: bigUnit,
    week: LONG(200, "2023-W40 "),
    from: MONDAY,
    to: FRIDAY,
    reports: Array.from({ length: 1_000 }, (_, i) => ({
      task: { code: `II.2.c.${i}.`.padEnd(60, "9"), title: LONG(5_000) },
      role: i % 2 === 0 ? ("LEAD" as const) : ("COOPERATING" as const),
      reporter: "cli:" + LONG(500, "Nguyễn Văn "),
      percent: i % 101,
      previousPercent: i % 3 === 0 ? null : (i * 7) % 101,
      done: i % 5 === 0,
      reportedAt: new Date("2023-10-03T09:15:00+07:00"),
    })),
    reportCount: 2_000,
    doneThisWeek: manyTasks(300),
    overdue: manyTasks(500),
    overdueCount: 800,
  } satisfies UnitSummaryModel,
  digest: {
    today: FRIDAY,
    week: WEEK,
    plans: Array.from({ length: 20 }, () => ({ number: LONG(200, "1565/KH "), title: LONG(5_000) })),
    now: { total: 100_000, counts: counts(20_000, 30_000, 10_000, 25_000, 15_000), rates: completionRates(counts(20_000, 30_000, 10_000, 25_000, 15_000)) },
    lastWeek: { total: 99_000, counts: counts(21_000, 29_000, 11_000, 24_000, 14_000), rates: completionRates(counts(21_000, 29_000, 11_000, 24_000, 14_000)) },
    byIndex: Array.from({ length: 200 }, (_, i) => ({ code: `I${i}`, name: LONG(200, "Chỉ số "), counts: counts(i, 1, 2, 3, 4), lastWeekDone: 5, lastWeekTotal: i + 10 })),
    criteria: Array.from({ length: 400 }, (_, i) => ({
      index: LONG(200, `Chỉ số ${i % 40} `),
      code: `I${i}.`.padEnd(100, "0"),
      name: LONG(5_000),
      measureUnit: LONG(100, "điểm "),
      target: i % 3 === 0 ? null : 99.5,
      higherIsBetter: i % 2 === 0,
      latest: i % 4 === 0 ? null : { period: longPeriod, value: 12.25 },
      previous: { period: longPeriod, value: 10.125 },
    })),
    byUnit: manyUnits(1_000).map((unit, i) => ({
      unit,
      lead: counts(i % 50, 100, 20, 30, 5),
      lastWeekLead: counts(i % 40, 100, 25, 25, 5),
      rates: completionRates(counts(i % 50, 100, 20, 30, 5)),
      reportsThisWeek: i % 7,
    })),
    overdue: manyTasks(500).map((t, i) => ({ ...t, status: "OVERDUE" as const, lead: manyUnits(30), daysOverdue: i % 3 === 0 ? null : 500 - i })),
    overdueCount: 20_000,
    openObstacles: Array.from({ length: 300 }, (_, i) => ({
      id: i,
      task: { code: bigUnit.code, title: LONG(5_000) },
      unit: bigUnit,
      text: LONG(5_000),
      raisedAt: new Date("2023-09-25T14:00:00+07:00"),
      days: 300 - i,
    })),
    silentUnits: manyUnits(1_000),
    reportsThisWeek: 12_345,
    objectives: Array.from({ length: 50 }, () => ({ ...overview.objectives[0]!, text: LONG(5_000) })),
  } satisfies DigestModel,
  reportDeadline: {
    unit: bigUnit,
    unitLeads: leads(500),
    recipient: "OFFICE",
    period: { key: "2023-H1", kind: "HALF_YEAR", quarter: 2, year: 2023 },
    window: { start: "2022-12-15", end: "2023-06-14" },
    plans: Array.from({ length: 50 }, (_, i) => ({ number: `${i}/`.padEnd(100, "X"), unitsDue: "2023-06-09", officeDue: "2023-06-15", superior: LONG(500) })),
    openLeadTasks: 1_000,
    overdueLeadTasks: 500,
  } satisfies ReportDeadlineModel,
};
