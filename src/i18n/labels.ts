// Words the interface shows, Vietnamese first.
import type { TaskStatus } from "../domain/status.js";
import type { Lang } from "../errors.js";

export const STATUS_LABELS: Record<TaskStatus, Record<Lang, string>> = {
  NOT_STARTED: { vi: "Chưa thực hiện", en: "Not started" },
  IN_PROGRESS: { vi: "Đang thực hiện trong hạn", en: "In progress, on time" },
  OVERDUE: { vi: "Quá hạn", en: "Overdue" },
  DONE_ON_TIME: { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  DONE_LATE: { vi: "Hoàn thành quá hạn", en: "Done late" },
};

export const ROLE_LABELS = {
  LEAD: { vi: "Chủ trì", en: "Lead" },
  COOPERATING: { vi: "Phối hợp", en: "Cooperating" },
} as const;

export const UNIT_KIND_LABELS = {
  OFFICE: { vi: "Văn phòng", en: "Office" },
  DIVISION: { vi: "Phòng", en: "Division" },
  CENTER: { vi: "Trung tâm", en: "Centre" },
  OTHER: { vi: "Khác", en: "Other" },
} as const;

export const MEMBER_ROLE_LABELS = {
  STAFF: { vi: "Cán bộ", en: "Staff" },
  UNIT_LEAD: { vi: "Lãnh đạo đơn vị", en: "Unit lead" },
  OFFICE: { vi: "Văn phòng Sở", en: "Office" },
  LEADERSHIP: { vi: "Lãnh đạo Sở", en: "Leadership" },
  ADMIN: { vi: "Quản trị", en: "Admin" },
} as const;

export function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return "—";
  const value = Math.round(rate * 1000) / 10;
  return `${lang === "vi" ? String(value).replace(".", ",") : value}%`;
}
