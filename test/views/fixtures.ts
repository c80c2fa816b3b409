// Realistic view models, from plan 1565/KH-SLĐTBXH and examples/org.yaml, and
// oversized ones for the limit tests.
import type { DeliveriesModel } from "../../src/views/deliveries.js";
import type {
  HomeModel,
  IndicatorsModel,
  MemberListModel,
  ObstacleRaisedModel,
  OverviewModel,
  ReportModalModel,
  ReportPostedModel,
  TaskDetailModel,
  TaskListModel,
  TaskSummary,
  UnitRef,
  UnitsModel,
} from "../../src/models/index.js";
import { completionRates } from "../../src/domain/status.js";
import type { UnitReportDraft, UnitReportTaskLine } from "../../src/models/unit-report.js";

export const PLAN = "1565/KH-SLĐTBXH";
export const TODAY = "2023-10-05";

export const VP: UnitRef = { code: "VP", name: "Văn phòng Sở" };
export const LDVL: UnitRef = { code: "LĐ-VL", name: "Phòng Lao động - Việc làm" };
export const GDNN: UnitRef = { code: "GDNN", name: "Phòng Giáo dục nghề nghiệp" };
export const TTDVVL: UnitRef = { code: "TTDVVL", name: "Trung tâm Dịch vụ việc làm" };
export const KHTC: UnitRef = { code: "KH-TC", name: "Phòng Kế hoạch - Tài chính" };

function task(t: Partial<TaskSummary> & Pick<TaskSummary, "id" | "code" | "title">): TaskSummary {
  return {
    planNumber: PLAN,
    role: "LEAD",
    status: "IN_PROGRESS",
    dueLabel: "Năm 2023",
    dueOn: "2023-12-31",
    percent: 0,
    lastReportOn: null,
    missingReport: null,
    lead: [LDVL],
    ...t,
  };
}

export const TASKS = {
  ddciList: task({
    id: 31,
    code: "II.2.c.2",
    title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI",
    status: "OVERDUE",
    dueLabel: "Quý III/2023",
    dueOn: "2023-09-30",
    percent: 40,
    lastReportOn: "2023-09-12",
  }),
  criteria: task({
    id: 33,
    code: "II.2.c.3.3",
    title: "Tiêu chí: tỷ lệ DN thấy tuyển cán bộ kỹ thuật dễ dàng",
    role: "COOPERATING",
    status: "NOT_STARTED",
    lead: [GDNN],
  }),
  insurance: task({
    id: 24,
    code: "II.2.b.2",
    title: "Hướng dẫn, kiểm tra quy định BHXH, BHTN; hỗ trợ người có công, người nghèo",
    dueLabel: "Thường xuyên",
    dueOn: null,
    percent: 60,
    lastReportOn: "2023-09-28",
    lead: [LDVL, GDNN, TTDVVL, KHTC],
  }),
  monitoring: task({
    id: 47,
    code: "III.3",
    title: "Giám sát, kiểm tra thực hiện nhiệm vụ liên quan PAR INDEX, SIPAS, DDCI",
    dueLabel: "Thường xuyên",
    dueOn: null,
    status: "OVERDUE",
    percent: 30,
    lastReportOn: "2023-06-28",
    missingReport: "2023-Q3",
  }),
  report: task({
    id: 45,
    code: "III.1",
    title: "Triển khai kế hoạch; báo cáo kết quả về Văn phòng Sở để tổng hợp",
    dueLabel: "Thường xuyên",
    dueOn: null,
    status: "DONE_ON_TIME",
    percent: 100,
    lastReportOn: "2023-10-02",
  }),
  surveyList: task({
    id: 9,
    code: "II.2.a.2.3",
    title: "Lựa chọn danh sách DN, công dân, tổ chức cho khảo sát SIPAS, DDCI",
    role: "COOPERATING",
    status: "DONE_LATE",
    dueLabel: "Quý III/2023",
    dueOn: "2023-09-30",
    percent: 100,
    lastReportOn: "2023-10-03",
    lead: [VP],
  }),
} satisfies Record<string, TaskSummary>;

const counts = (OVERDUE: number, IN_PROGRESS: number, NOT_STARTED: number, DONE_ON_TIME: number, DONE_LATE: number) => ({
  OVERDUE,
  IN_PROGRESS,
  NOT_STARTED,
  DONE_ON_TIME,
  DONE_LATE,
});

export const overview: OverviewModel = {
  plan: {
    number: PLAN,
    title:
      "Nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS), năng lực cạnh tranh các sở, ban, ngành và địa phương (DDCI) trên đại bàn tỉnh của Sở Lao động - Thương binh và Xã hội năm 2023",
    year: 2023,
  },
  today: TODAY,
  total: 42,
  counts: counts(3, 24, 6, 7, 2),
  rates: completionRates(counts(3, 24, 6, 7, 2)),
  objectives: [
    {
      planNumber: PLAN,
      text: "Phấn đấu hoàn thành 100% nhiệm vụ UBND tỉnh giao cho Sở Lao động – Thương binh và Xã hội thực hiện Chỉ số PAR INDEX, SIPAS, DDCI của tỉnh.",
      measure: "COMPLETION",
      target: 100,
      actual: completionRates(counts(3, 24, 6, 7, 2)).doneRate,
      rates: completionRates(counts(3, 24, 6, 7, 2)),
    },
  ],
  byIndex: [
    { code: "PAR_INDEX", name: "PAR INDEX", counts: counts(1, 9, 2, 3, 1) },
    { code: "SIPAS", name: "SIPAS", counts: counts(0, 7, 1, 1, 0) },
    { code: "DDCI", name: "DDCI", counts: counts(2, 5, 3, 2, 1) },
  ],
  byUnit: [
    { code: "VP", name: VP.name, lead: counts(1, 12, 2, 4, 1), rates: completionRates(counts(1, 12, 2, 4, 1)), cooperating: 6 },
    { code: "LĐ-VL", name: LDVL.name, lead: counts(1, 4, 0, 1, 0), rates: completionRates(counts(1, 4, 0, 1, 0)), cooperating: 14 },
    { code: "GDNN", name: GDNN.name, lead: counts(1, 10, 4, 1, 0), rates: completionRates(counts(1, 10, 4, 1, 0)), cooperating: 9 },
    { code: "TTDVVL", name: TTDVVL.name, lead: counts(0, 4, 0, 1, 1), rates: completionRates(counts(0, 4, 0, 1, 1)), cooperating: 12 },
    { code: "KH-TC", name: KHTC.name, lead: counts(0, 4, 0, 1, 0), rates: completionRates(counts(0, 4, 0, 1, 0)), cooperating: 12 },
  ],
};

export const taskList: TaskListModel = {
  unit: LDVL,
  filter: "all",
  today: TODAY,
  tasks: [TASKS.ddciList, TASKS.criteria, TASKS.insurance, TASKS.report],
  page: 1,
  pageCount: 3,
  totalCount: 24,
  canReport: true,
};

export const taskListEmpty: TaskListModel = {
  unit: LDVL,
  filter: "overdue",
  today: TODAY,
  tasks: [],
  page: 0,
  pageCount: 1,
  totalCount: 0,
  canReport: false,
};

export const taskDetail: TaskDetailModel = {
  task: {
    ...TASKS.ddciList,
    text: "Phòng Lao động - Việc làm phối hợp Văn phòng Sở cung cấp danh sách các doanh nghiệp phục vụ khảo sát đánh giá chỉ số năng lực cạnh tranh các sở, ban, ngành theo đề nghị của Viện nghiên cứu phát triển tỉnh.",
    index: { code: "DDCI", name: "DDCI" },
    criterion: null,
    cooperating: [VP],
    bodies: [{ name: "Viện nghiên cứu phát triển tỉnh", role: "REQUESTING" }],
    leadNote: null,
    target: null,
    dueNote: "Thời điểm thực tế theo đề nghị của Viện NCPT; danh sách phải có trước khảo sát DDCI nên tạm chọn Quý III/2023, sửa khi có văn bản đề nghị.",
    extendedFrom: null,
  },
  today: TODAY,
  reports: [
    {
      unit: LDVL,
      reporter: "U0LDVL0001",
      percent: 40,
      done: false,
      note: "Đã lập danh sách 120 doanh nghiệp; đang chờ Viện NCPT xác nhận mẫu & số lượng.",
      evidenceLinks: ["https://drive.example.gov.vn/ddci/danh-sach-dn.xlsx", "https://dichvucong.thuathienhue.gov.vn/ho-so?id=12&loai=DN"],
      reportedAt: new Date("2023-09-12T09:30:00+07:00"),
    },
    {
      unit: VP,
      reporter: "cli:Trần Thị Bình",
      percent: 10,
      done: false,
      note: "",
      evidenceLinks: [],
      reportedAt: new Date("2023-08-20T16:05:00+07:00"),
    },
  ],
  openObstacles: [
    {
      id: 7,
      unit: LDVL,
      text: "Viện NCPT chưa gửi văn bản đề nghị nên chưa chốt được số lượng doanh nghiệp <50 lao động.",
      raisedBy: "U0LDVL0001",
      raisedAt: new Date("2023-09-25T14:00:00+07:00"),
    },
  ],
  canReport: true,
};

export const reportModalModel: ReportModalModel = {
  unit: LDVL,
  tasks: [
    { id: 31, code: "II.2.c.2", title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI", role: "LEAD", percent: 40 },
    { id: 33, code: "II.2.c.3.3", title: "Tiêu chí: tỷ lệ DN thấy tuyển cán bộ kỹ thuật dễ dàng", role: "COOPERATING", percent: 0 },
    { id: 24, code: "II.2.b.2", title: "Hướng dẫn, kiểm tra quy định BHXH, BHTN; hỗ trợ người có công, người nghèo", role: "LEAD", percent: 60 },
  ],
  selectedTaskId: 31,
  privateMetadata: JSON.stringify({ c: "C0DONDOCLDVL" }),
};

export const home: HomeModel = {
  member: { name: "Lê Văn Cường", role: "UNIT_LEAD", unit: LDVL },
  today: TODAY,
  unitRates: completionRates(counts(1, 4, 0, 1, 0)),
  overdue: [TASKS.ddciList, TASKS.monitoring],
  dueSoon: [],
  stale: [TASKS.insurance],
  recentlyDone: [TASKS.report],
  canReport: true,
};

export const homeLeadership: HomeModel = {
  member: { name: "Nguyễn Hữu Phước", role: "LEADERSHIP", unit: null },
  today: TODAY,
  overdue: [],
  dueSoon: [],
  stale: [],
  recentlyDone: [],
  canReport: false,
};

export const indicators: IndicatorsModel = {
  indices: [
    { code: "PAR_INDEX", name: "PAR INDEX", fullName: "Chỉ số cải cách hành chính", criteria: [] },
    {
      code: "DDCI",
      name: "DDCI",
      fullName: "Chỉ số năng lực cạnh tranh các sở, ban, ngành và địa phương",
      criteria: [
        {
          code: "DDCI.DTLD.01",
          name: "Thủ tục để được miễn, giảm chi phí đào tạo nghề cho người lao động để thực hiện",
          measureUnit: "%",
          target: null,
          higherIsBetter: true,
          latest: { period: "2022", value: 62.5 },
        },
        {
          code: "DDCI.DTLD.04",
          name: "Tỷ lệ chi phí tuyển dụng lao động trong tổng chi phí kinh doanh",
          measureUnit: "%",
          target: 5,
          higherIsBetter: false,
          latest: null,
        },
        {
          code: "DDCI.DTLD.10",
          name: "Giáo dục dạy nghề tại tỉnh có chất lượng tốt",
          measureUnit: "%",
          target: 80,
          higherIsBetter: true,
          latest: { period: "2022", value: 71 },
        },
      ],
    },
  ],
};

export const units: UnitsModel = {
  units: [
    { code: "VP", name: VP.name, kind: "OFFICE", channel: "C0DONDOCVP", leads: 20, cooperates: 6, members: 4, overdue: 1, rates: completionRates(counts(1, 12, 2, 4, 1)) },
    { code: "LĐ-VL", name: LDVL.name, kind: "DIVISION", channel: "#dondoc-ldvl", leads: 6, cooperates: 14, members: 3, overdue: 1, rates: completionRates(counts(1, 4, 0, 1, 0)) },
    { code: "TTDVVL", name: TTDVVL.name, kind: "CENTER", channel: null, leads: 6, cooperates: 12, members: 2, overdue: 0, rates: completionRates(counts(0, 4, 0, 1, 1)) },
  ],
};

export const members: MemberListModel = {
  members: [
    { slackUserId: "U0VP000001", name: "Trần Thị Bình", unit: VP, role: "OFFICE" },
    { slackUserId: "U0LDVL0001", name: "Lê Văn Cường", unit: LDVL, role: "UNIT_LEAD" },
    { slackUserId: "U0LDVL0002", name: "Phạm Thị Dung", unit: LDVL, role: "STAFF" },
    { slackUserId: "U0LDS0001", name: "Nguyễn Hữu Phước", unit: null, role: "LEADERSHIP" },
  ],
};

export const reportPostedModel: ReportPostedModel = {
  task: { code: "II.2.c.2", title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI", planNumber: PLAN },
  unit: LDVL,
  role: "LEAD",
  reporter: "U0LDVL0001",
  percent: 60,
  done: false,
  note: "Đã gửi danh sách 120 doanh nghiệp cho Viện NCPT; chờ phản hồi.",
  evidenceLinks: ["https://drive.example.gov.vn/ddci/danh-sach-dn.xlsx"],
  status: "OVERDUE",
};

export const obstacleRaisedModel: ObstacleRaisedModel = {
  id: 7,
  task: { code: "II.2.c.2", title: "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI", planNumber: PLAN },
  unit: LDVL,
  raisedBy: "U0LDVL0001",
  text: "Viện NCPT chưa gửi văn bản đề nghị.\nChưa chốt được số lượng doanh nghiệp cần khảo sát.",
};

export const OFFICE_CONTACTS = [
  { name: "Trần Thị Bình", slackUserId: "U0VP000001" },
  { name: "Hoàng Văn Em", slackUserId: "U0VP000002" },
];

// ---- Oversized inputs: nothing may be refused, and the cut must show ("…").

export const LONG = (n: number, unit = "Nhiệm vụ dài ") => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const bigUnit: UnitRef = { code: "ĐV-".padEnd(100, "X"), name: LONG(100, "Phòng rất dài ") };

export function manyTasks(n: number, titleLength = 5_000): TaskSummary[] {
  return Array.from({ length: n }, (_, i) =>
    task({
      id: 1_000 + i,
      code: `II.2.c.${i}.`.padEnd(60, "9"),
      title: LONG(titleLength, "Cung cấp danh sách doanh nghiệp cho khảo sát DDCI 👍🏽 "),
      status: (["OVERDUE", "IN_PROGRESS", "NOT_STARTED", "DONE_ON_TIME", "DONE_LATE"] as const)[i % 5],
      dueLabel: LONG(200, "Năm 2025 và các năm tiếp theo "),
      percent: i % 101,
      lead: [bigUnit],
    }),
  );
}

export const oversized = {
  unit: bigUnit,
  taskList: { ...taskList, unit: bigUnit, tasks: manyTasks(200), page: 3, pageCount: 20, totalCount: 200 } satisfies TaskListModel,
  /** What a caller really sends: ten tasks, titles as long as anything. */
  taskListPage: { ...taskList, unit: bigUnit, tasks: manyTasks(10), page: 3, pageCount: 20, totalCount: 200 } satisfies TaskListModel,
  taskDetail: {
    ...taskDetail,
    task: {
      ...taskDetail.task,
      ...manyTasks(1)[0]!,
      text: LONG(5_000),
      cooperating: Array.from({ length: 50 }, () => bigUnit),
      bodies: Array.from({ length: 20 }, (_, i) => ({
        name: LONG(100, "Viện nghiên cứu "),
        role: (["COOPERATING", "REQUESTING", "RECEIVING_REPORTS"] as const)[i % 3]!,
        note: LONG(100),
      })),
      leadNote: LONG(5_000),
      target: { value: 100, unit: "%", of: LONG(5_000) },
      index: { code: "X", name: LONG(5_000) },
      criterion: { code: "Y", name: LONG(5_000) },
      dueNote: LONG(5_000),
    },
    reports: Array.from({ length: 5 }, () => ({
      unit: bigUnit,
      reporter: "cli:" + LONG(200, "Người báo cáo "),
      percent: 100,
      done: true,
      note: LONG(5_000),
      evidenceLinks: Array.from({ length: 20 }, (_, i) => `https://example.gov.vn/${"a".repeat(900)}/${i}`),
      reportedAt: new Date("2023-09-12T09:30:00+07:00"),
    })),
    openObstacles: Array.from({ length: 40 }, (_, i) => ({
      id: i,
      unit: bigUnit,
      text: LONG(5_000),
      raisedBy: "U0LDVL0001",
      raisedAt: new Date("2023-09-25T14:00:00+07:00"),
    })),
  } satisfies TaskDetailModel,
  reportModal: {
    unit: bigUnit,
    tasks: manyTasks(200).map((t) => ({ id: t.id, code: t.code, title: t.title, role: "LEAD" as const, percent: t.percent })),
    selectedTaskId: 1_150,
    privateMetadata: "m".repeat(3_000),
  } satisfies ReportModalModel,
  home: {
    member: { name: LONG(200, "Nguyễn Thị Rất Dài "), role: "STAFF", unit: bigUnit },
    today: TODAY,
    overdue: manyTasks(200),
    dueSoon: manyTasks(200),
    stale: manyTasks(200),
    recentlyDone: manyTasks(200),
    canReport: true,
  } satisfies HomeModel,
  overview: {
    ...overview,
    plan: { number: LONG(200, "1565/KH "), title: LONG(5_000), year: 2023 },
    byIndex: Array.from({ length: 200 }, (_, i) => ({ code: `I${i}`, name: LONG(100, "Chỉ số "), counts: counts(i, 1, 2, 3, 4) })),
    byUnit: Array.from({ length: 200 }, () => ({
      code: bigUnit.code,
      name: bigUnit.name,
      lead: counts(1, 2, 3, 4, 5),
      rates: completionRates(counts(1, 2, 3, 4, 5)),
      cooperating: 9,
    })),
  } satisfies OverviewModel,
  indicators: {
    indices: Array.from({ length: 30 }, (_, i) => ({
      code: `I${i}`,
      name: LONG(100, "Chỉ số "),
      fullName: LONG(5_000),
      criteria: Array.from({ length: 40 }, (_, j) => ({
        code: `I${i}.${j}`.padEnd(100, "0"),
        name: LONG(5_000),
        measureUnit: LONG(100, "điểm "),
        target: 99.5,
        higherIsBetter: j % 2 === 0,
        latest: { period: LONG(100, "Quý IV/2023 "), value: 12.25 },
      })),
    })),
  } satisfies IndicatorsModel,
  units: {
    units: Array.from({ length: 200 }, (_, i) => ({
      code: bigUnit.code,
      name: bigUnit.name,
      kind: "DIVISION" as const,
      channel: i % 2 === 0 ? null : LONG(100, "#kenh-dai-"),
      leads: 10,
      cooperates: 20,
      members: 30,
      overdue: 5,
      rates: completionRates(counts(5, 2, 0, 2, 1)),
    })),
  } satisfies UnitsModel,
  members: {
    members: Array.from({ length: 500 }, (_, i) => ({
      slackUserId: `U${String(i).padStart(9, "0")}`,
      name: LONG(100, "Nguyễn Văn "),
      unit: i % 3 === 0 ? null : { code: `${bigUnit.code}${i % 7}`, name: bigUnit.name },
      role: "STAFF" as const,
    })),
  } satisfies MemberListModel,
  reportPosted: {
    ...reportPostedModel,
    task: { code: bigUnit.code, title: LONG(5_000), planNumber: LONG(200) },
    unit: bigUnit,
    reporter: "cli:" + LONG(500),
    note: LONG(5_000),
    evidenceLinks: Array.from({ length: 20 }, (_, i) => `https://example.gov.vn/${"a".repeat(2_000)}/${i}`),
  } satisfies ReportPostedModel,
  obstacleRaised: {
    ...obstacleRaisedModel,
    task: { code: bigUnit.code, title: LONG(5_000), planNumber: LONG(200) },
    unit: bigUnit,
    text: LONG(5_000),
  } satisfies ObstacleRaisedModel,
  officeContacts: Array.from({ length: 50 }, (_, i) => ({ name: LONG(100), slackUserId: `U${String(i).padStart(9, "0")}` })),
};

/** `/kehoach tinnhan` for the Office: what the scheduler sent in week 46/2023, one failure. */
export const deliveries: DeliveriesModel = {
  counts: { SENT: 6, FAILED: 1 },
  deliveries: [
    {
      id: 31,
      job: "reminders",
      period: "2023-W46",
      target: "#dondoc-gdnn",
      status: "SENT",
      attempts: 1,
      uncertain: false,
      lastError: null,
      sentAt: new Date("2023-11-13T08:00:05+07:00"),
    },
    { id: 32, job: "reminders", period: "2023-W46", target: "#dondoc-khtc", status: "FAILED", attempts: 3, uncertain: false, lastError: "channel_not_found", sentAt: null },
    {
      id: 37,
      job: "digest",
      period: "2023-W46",
      target: "#dondoc-lanhdao",
      status: "SENT",
      attempts: 1,
      uncertain: false,
      lastError: null,
      sentAt: new Date("2023-11-17T16:30:04+07:00"),
    },
    {
      id: 38,
      job: "report-deadlines",
      period: "2023-Q4",
      target: "#dondoc-vp",
      status: "SENT",
      attempts: 2,
      uncertain: true,
      lastError: null,
      sentAt: new Date("2023-12-01T08:00:03+07:00"),
    },
  ],
};

// ---- A unit's report for a window (issue 12): the draft a lead receives.

const draftTask = (code: string, percent: number, reports: { on: string; percent: number; note: string }[]): UnitReportTaskLine => ({
  code,
  title: "Rà soát, đánh giá mức độ hài lòng về thủ tục hành chính trong lĩnh vực giáo dục nghề nghiệp",
  due: "2023-12-15",
  percent,
  status: percent === 100 ? "DONE_ON_TIME" : "IN_PROGRESS",
  reports,
  evidence: [],
});

export const unitReportDraft: UnitReportDraft = {
  plan: { id: 1, number: PLAN },
  unit: { id: 3, code: GDNN.code, name: GDNN.name },
  window: { key: "2023-Q3", label: "Quý III/2023", start: "2023-06-15", end: "2023-09-14" },
  unitsDue: "2023-09-08",
  state: "NONE",
  prefilled: true,
  fields: {
    results: "- II.2.c.3.1: Đã tổ chức 02 lớp tập huấn cho giáo viên (tiến độ 60%).\n- II.2.c.3.2: Hoàn thành khảo sát (tiến độ 100%).",
    shortcomings: "- II.2.c.3.3: chưa triển khai trong kỳ.",
    proposals: "",
  },
  evidenceFiles: [],
  submittedOn: null,
  submittedBy: null,
  preparedBy: null,
  tasks: [
    draftTask("II.2.c.3.1", 60, [{ on: "2023-07-10", percent: 60, note: "Đã tổ chức 02 lớp tập huấn cho giáo viên" }]),
    draftTask("II.2.c.3.2", 100, [{ on: "2023-08-20", percent: 100, note: "Hoàn thành khảo sát" }]),
    draftTask("II.2.c.3.3", 0, []),
  ],
};

/** The same unit's drafts for a second plan in force in the window, due later. */
export const unitReportDrafts: UnitReportDraft[] = [
  unitReportDraft,
  { ...unitReportDraft, plan: { id: 2, number: "1702/KH-SLĐTBXH" }, unitsDue: "2023-09-12", tasks: unitReportDraft.tasks.slice(0, 1) },
];

/** Forty plans with 100-character numbers: the message names the first twenty and counts the rest. */
export const unitReportDraftsOversized: UnitReportDraft[] = Array.from({ length: 40 }, (_, i) => ({
  ...unitReportDraft,
  plan: { id: i + 1, number: `${i + 1}/`.padEnd(100, "X") },
  unit: { ...unitReportDraft.unit, name: bigUnit.name },
}));
