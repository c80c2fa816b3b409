// truncate and escapeMrkdwn: the two text helpers every view relies on.
import { describe, expect, it } from "vitest";
import { ELLIPSIS, escapeMrkdwn, truncate } from "../../src/views/limits.js";

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].map((g) => g.segment);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The kept part is whole graphemes of the original, in order. */
function keptIsPrefix(original: string, cut: string): boolean {
  const kept = graphemes(cut.endsWith(ELLIPSIS) ? cut.slice(0, -ELLIPSIS.length) : cut);
  const whole = graphemes(original);
  return kept.every((g, i) => g === whole[i]);
}

describe("truncate", () => {
  it("leaves text within the limit alone", () => {
    expect(truncate("Báo cáo tiến độ", 15)).toBe("Báo cáo tiến độ");
    expect(truncate("", 0)).toBe("");
  });

  it("cuts to at most max code units, ending with …", () => {
    const out = truncate("Cung cấp danh sách doanh nghiệp cho khảo sát DDCI", 20);
    expect(out).toBe("Cung cấp danh sách…");
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it("drops the space before the ellipsis", () => {
    expect(truncate("một hai ba", 9)).toBe("một hai…");
  });

  it("gives an empty string when not even the ellipsis fits", () => {
    expect(truncate("abc", 0)).toBe("");
    expect(truncate("abc", 1)).toBe("…");
  });

  it("cuts where segmenting the whole text would, though it segments only a window before the cut", () => {
    // The reference: every grapheme boundary of the text, the last one that fits.
    const reference = (text: string, max: number) => {
      if (text.length <= max) return text;
      if (max < ELLIPSIS.length) return "";
      let end = 0;
      for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
        if (index + segment.length > max - ELLIPSIS.length) break;
        end = index + segment.length;
      }
      return text.slice(0, end).trimEnd() + ELLIPSIS;
    };
    const pieces = ["Hoàn thành ", "😀", "👍🏽", "🇻🇳", "👨‍👩‍👧", "e\u0323\u0302", "Sở Nội vụ", "&amp;", "<@U123>", " "];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 40; n++) {
      let text = "";
      while (text.length < 300) text += pieces[next() % pieces.length];
      for (let max = 0; max <= text.length; max += 1 + (next() % 7)) expect(truncate(text, max, "plain_text")).toBe(reference(text, max));
    }
  });

  it("never splits a surrogate pair, at any limit", () => {
    const text = "Hoàn thành 😀👍🏽🇻🇳👨‍👩‍👧 xong".repeat(3);
    for (let max = 0; max < text.length; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(LONE_SURROGATE);
      expect(keptIsPrefix(text, out)).toBe(true);
    }
  });

  it("keeps an emoji sequence whole or leaves it out", () => {
    // 👨‍👩‍👧 is eight code units: three surrogate pairs joined by two ZWJs.
    for (let max = 3; max <= 10; max++) expect(truncate("ab👨‍👩‍👧cd", max)).toBe("ab…");
    expect(truncate("ab👨‍👩‍👧cd", 11)).toBe("ab👨‍👩‍👧…");
    expect(truncate("👍🏽👍🏽", 5)).toBe("👍🏽…");
  });

  it("never separates a Vietnamese letter from its combining marks (text typed in NFD)", () => {
    const nfd = "Quán triệt kế hoạch đến toàn thể công chức".normalize("NFD");
    for (let max = 1; max < nfd.length; max++) {
      const out = truncate(nfd, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(keptIsPrefix(nfd, out)).toBe(true);
    }
    // "ệ" is e + U+0323 + U+0302: three code units that stay together.
    expect(truncate("ệệ".normalize("NFD"), 5)).toBe("ệ".normalize("NFD") + "…");
    expect(truncate("ệệ".normalize("NFD"), 3)).toBe("…");
  });

  it("drops a mrkdwn link, mention or date the cut would break, whole", () => {
    const link = "<https://dichvucong.gov.vn/ho-so/123|dichvucong.gov.vn>";
    const text = `Minh chứng: ${link} và thêm`;
    const end = text.indexOf(">") + 1;
    for (let max = 13; max <= end; max++) expect(truncate(text, max)).toBe("Minh chứng:…");
    expect(truncate(text, end + 1)).toBe(`Minh chứng: ${link}…`);
    expect(truncate("Người báo: <@U0LDVL0001> hôm nay", 20)).toBe("Người báo:…");
    expect(truncate("Lúc <!date^1694485800^{date_short_pretty}|12/09/2023> xong", 30)).toBe("Lúc…");
  });

  it("drops an entity escapeMrkdwn wrote rather than half of it", () => {
    const escaped = escapeMrkdwn("mẫu & số lượng < 50");
    expect(escaped).toBe("mẫu &amp; số lượng &lt; 50");
    for (const max of [6, 7, 8, 9]) expect(truncate(escaped, max)).toBe("mẫu…");
    expect(truncate(escaped, 10)).toBe("mẫu &amp;…");
  });

  it("in plain_text, < and & are ordinary characters", () => {
    expect(truncate("Tỷ lệ < 5% và R&D tăng", 14, "plain_text")).toBe("Tỷ lệ < 5% và…");
    expect(truncate("R&D chi phí", 3, "plain_text")).toBe("R&…");
  });
});

describe("escapeMrkdwn", () => {
  it("escapes Slack's three control characters", () => {
    expect(escapeMrkdwn("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
  });

  it("neutralises markup a person typed", () => {
    expect(escapeMrkdwn("<!channel> xem <https://evil.example|ngân hàng>")).toBe("&lt;!channel&gt; xem &lt;https://evil.example|ngân hàng&gt;");
  });

  it("leaves Vietnamese, emoji and formatting characters alone", () => {
    const text = "Đã hoàn thành 100% 👍 *đậm* _nghiêng_ `mã`";
    expect(escapeMrkdwn(text)).toBe(text);
  });

  it("escapes once: an escaped text escaped again shows the entity", () => {
    expect(escapeMrkdwn("&amp;")).toBe("&amp;amp;");
  });
});
