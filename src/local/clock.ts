// The local workspace's clock: wall time shifted by an offset that the page
// sets ("it is Monday 25/09/2023, 08:00"). It keeps running from there, so
// trigger ids still expire after three seconds and messages get increasing
// timestamps. The fake Slack and dondoc read this one clock.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { TIME_ZONE } from "../domain/day.js";

export class LocalClock {
  private offsetMs: number;

  constructor(
    start?: Date,
    private readonly wall: () => number = Date.now,
  ) {
    this.offsetMs = start ? start.getTime() - wall() : 0;
  }

  /** Milliseconds since the epoch, as the fake Slack's Clock. */
  readonly now = (): number => this.wall() + this.offsetMs;

  date(): Date {
    return new Date(this.now());
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - this.wall();
  }
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2023-09-25T08:00" (what an <input type="datetime-local"> gives) read as a
 * time in Vietnam, whatever the browser's or the server's time zone.
 */
export function parseVietnamTime(value: string): Date | undefined {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const at = new TZDate(y, mo - 1, d, h, mi, s, TIME_ZONE);
  // TZDate rolls 31/02 over into March; a date the input could not have meant is refused.
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d || h > 23 || mi > 59) return undefined;
  return new Date(at.getTime());
}

/** The clock as the page shows it and as its picker takes it, in Vietnam's time. */
export function clockJson(at: Date): { iso: string; input: string; label: string } {
  const local = new TZDate(at, TIME_ZONE);
  const weekday = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"][local.getDay()] ?? "";
  return {
    iso: at.toISOString(),
    input: format(local, "yyyy-MM-dd'T'HH:mm"),
    label: `${weekday}, ${format(local, "dd/MM/yyyy HH:mm")}`,
  };
}
