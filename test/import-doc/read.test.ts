// Reading formats into blocks, and refusing what cannot be read, with a clear
// message and nothing else done.
import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile, truncate } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from "docx";
import PDFDocument from "pdfkit";
import { AppError } from "../../src/errors.js";
import { readDocument } from "../../src/import-doc/read/index.js";
import { readPdf } from "../../src/import-doc/read/pdf.js";
import { formatNumber } from "../../src/import-doc/read/docx-numbering.js";
import { parsePlan } from "../../src/import-doc/parse/structure.js";
import { decodeText } from "../../src/import-doc/read/text.js";
import { wrapJoin } from "../../src/import-doc/read/types.js";

const dir = await mkdtemp(join(tmpdir(), "dondoc-read-"));
const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

/** Encodes text as windows-1258: base letters with ^, ˘, ơ, ư precomposed, tone marks as combining bytes. */
function toCp1258(text: string): Uint8Array {
  const table = new Map<string, number>();
  const dec = new TextDecoder("windows-1258");
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  for (const ch of text.normalize("NFD").replace(
    /(\p{L})(\p{M}+)/gu,
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists bare combining tone marks on purpose (they are stripped from the letter they follow)
    (_, a: string, m: string) => (a + m.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")).normalize("NFC") + m.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, ""),
  )) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`no cp1258 byte for ${ch}`);
    out.push(b);
  }
  return new Uint8Array(out);
}

describe("readDocument", () => {
  it("reads a .docx table with merged cells into a full grid", async () => {
    const cell = (text: string, opts: object = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("KẾ HOẠCH"),
            new Table({
              rows: [
                new TableRow({ children: [cell("STT"), cell("Nhiệm vụ"), cell("Cơ quan chủ trì"), cell("Thời gian")] }),
                new TableRow({ children: [cell("A"), cell("CẢI CÁCH THỂ CHẾ", { columnSpan: 3 })] }),
                new TableRow({ children: [cell("1"), cell("Rà soát"), cell("Sở Tư pháp", { verticalMerge: VerticalMergeType.RESTART }), cell("Quý IV/2025")] }),
                new TableRow({ children: [cell("2"), cell("Kiểm tra"), cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("Hằng năm")] }),
              ],
            }),
          ],
        },
      ],
    });
    const file = join(dir, "merged.docx");
    await writeFile(file, await Packer.toBuffer(doc));
    const r = await readDocument(file);
    const table = r.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows.map((row) => row.map((c) => c.text))).toEqual([
      ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
      ["A", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ"],
      ["1", "Rà soát", "Sở Tư pháp", "Quý IV/2025"],
      ["2", "Kiểm tra", "Sở Tư pháp", "Hằng năm"],
    ]);
    expect(table?.kind === "table" && table.rows[3]![2]!.spanned).toBe(true);
  });

  it("writes Word's automatic list labels (1., a), -, +) into the text, restarting deeper levels", async () => {
    const level = (l: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: l, format, text, alignment: AlignmentType.LEFT });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "plan",
            levels: [
              level(0, LevelFormat.UPPER_ROMAN, "%1."),
              level(1, LevelFormat.DECIMAL, "%2."),
              level(2, LevelFormat.LOWER_LETTER, "%3)"),
              level(3, LevelFormat.BULLET, "-"),
              level(4, LevelFormat.BULLET, "+"),
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            ["NHIỆM VỤ, GIẢI PHÁP", 0],
            ["Cải cách thủ tục hành chính", 1],
            ["Rà soát thủ tục hành chính. Cơ quan chủ trì: Sở Tư pháp; thời gian: Quý IV/2025.", 2],
            ["Công khai thủ tục hành chính", 2],
            ["trên Cổng Dịch vụ công", 3],
            ["tại Bộ phận Một cửa", 4],
            ["Chuyển đổi số", 1],
            ["Số hóa hồ sơ. Cơ quan chủ trì: Sở Khoa học và Công nghệ; thời gian: Năm 2026.", 2],
            ["TỔ CHỨC THỰC HIỆN", 0],
          ].map(([text, l]) => new Paragraph({ text: text as string, numbering: { reference: "plan", level: l as number } })),
        },
      ],
    });
    const file = join(dir, "numbered.docx");
    await writeFile(file, await Packer.toBuffer(doc));
    const texts = (await readDocument(file)).blocks.map((b) => (b.kind === "para" ? b.text : ""));
    expect(texts).toEqual([
      "I. NHIỆM VỤ, GIẢI PHÁP",
      "1. Cải cách thủ tục hành chính",
      "a) Rà soát thủ tục hành chính. Cơ quan chủ trì: Sở Tư pháp; thời gian: Quý IV/2025.",
      "b) Công khai thủ tục hành chính",
      "- trên Cổng Dịch vụ công",
      "+ tại Bộ phận Một cửa",
      "2. Chuyển đổi số",
      "a) Số hóa hồ sơ. Cơ quan chủ trì: Sở Khoa học và Công nghệ; thời gian: Năm 2026.",
      "II. TỔ CHỨC THỰC HIỆN",
    ]);
    expect(["decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman"].map((f) => formatNumber(27, f))).toEqual(["27", "aa", "AA", "xxvii", "XXVII"]);
    expect(formatNumber(4, "decimalZero")).toBe("04");
  });

  it("reads a PDF's text layer with page and line numbers", async () => {
    const file = join(dir, "plan.pdf");
    await new Promise<void>((resolve) => {
      const pdf = new PDFDocument();
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => void writeFile(file, Buffer.concat(chunks)).then(resolve));
      pdf.font(FONT).fontSize(12).text("KẾ HOẠCH").text("Cải cách hành chính năm 2025");
      pdf.addPage().text("II. NHIỆM VỤ").text("1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát.");
      pdf.end();
    });
    const r = await readDocument(file);
    expect(r.pages).toBe(2);
    expect(r.blocks).toContainEqual({ kind: "para", text: "1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát.", pos: { page: 2, line: 2 } });
  });

  it("reads a PDF's two-column header column by column, and joins the lines the layout wrapped", async () => {
    const file = join(dir, "header.pdf");
    await new Promise<void>((resolve) => {
      const pdf = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 85, right: 56 } });
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => void writeFile(file, Buffer.concat(chunks)).then(resolve));
      const row = (l: string, r: string, y: number) => pdf.font(FONT).fontSize(11).text(l, 60, y, { width: 190, align: "center" }).text(r, 250, y, { width: 300, align: "center" });
      row("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 60);
      row("TỈNH ĐÔNG GIANG", "Độc lập - Tự do - Hạnh phúc", 76);
      row("Số: 77/KH-UBND", "Đông Giang, ngày 10 tháng 3 năm 2026", 110);
      pdf.fontSize(13).text("KẾ HOẠCH", 85, 150, { width: 450, align: "center" }).text("Tuyên truyền cải cách hành chính năm 2026", { width: 450, align: "center" });
      pdf.text("I. NHIỆM VỤ", 85, 200);
      pdf.text(
        "1. Tuyên truyền về cải cách hành chính trên Báo Đông Giang và Đài Phát thanh - Truyền hình tỉnh. Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch; thời gian: Quý II/2026.",
        { width: 450, align: "justify" },
      );
      // A paragraph that runs on over a page break, the next page numbered at its top.
      pdf.text("2. Tổ chức hội nghị tập huấn nghiệp vụ cải cách hành chính cho công chức làm việc tại Bộ phận Một cửa các cấp trên", 85, 760, {
        width: 450,
        align: "justify",
        lineBreak: false,
      });
      pdf.addPage().text("2", 85, 30, { width: 450, align: "center" }).text("địa bàn tỉnh. Cơ quan chủ trì: Sở Nội vụ; thời gian: Quý III/2026.", 85, 70, { width: 450 });
      pdf.end();
    });
    const { blocks } = await readDocument(file);
    const texts = blocks.map((b) => (b.kind === "para" ? b.text : ""));
    expect(texts.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH ĐÔNG GIANG",
      "Số: 77/KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Đông Giang, ngày 10 tháng 3 năm 2026",
    ]);
    const p = parsePlan(blocks, { year: 2026 });
    expect(p).toMatchObject({ number: "77/KH-UBND", issuer: "Ủy ban nhân dân tỉnh Đông Giang", title: "Tuyên truyền cải cách hành chính năm 2026" });
    expect(p.tasks).toMatchObject([
      { lead: ["Sở Văn hóa, Thể thao và Du lịch"], due: "Quý II/2026" },
      { lead: ["Sở Nội vụ"], due: "Quý III/2026" },
    ]);
    expect(texts).not.toContain("2");
    expect(p.tasks[0]!.text).toContain("Đài Phát thanh - Truyền hình tỉnh. Cơ quan chủ trì");
  });

  it("reads a header whose issuer has a line beside the motto's blank, and number and date lines cut by a blank, column by column", async () => {
    const file = join(dir, "header-three-lines.pdf");
    await new Promise<void>((resolve) => {
      const pdf = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 85, right: 56 } });
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => void writeFile(file, Buffer.concat(chunks)).then(resolve));
      pdf.font(FONT).fontSize(11);
      const left = (t: string, y: number) => pdf.text(t, 60, y, { width: 190, align: "center", lineBreak: false });
      const right = (t: string, y: number) => pdf.text(t, 290, y, { width: 260, align: "center", lineBreak: false });
      left("ỦY BAN MTTQ VIỆT NAM", 60);
      right("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 60);
      left("XÃ ĐÔNG GIANG", 76);
      right("Độc lập - Tự do - Hạnh phúc", 76);
      left("BAN THƯỜNG TRỰC", 92); // beside the motto's rule: nothing on the right
      pdf.text("Số:", 100, 110, { lineBreak: false }).text("/KH-MTTQ-BTT", 150, 110, { lineBreak: false }); // a blank for the number
      // The date on a line of its own, cut by the blank left for the day ("…, ngày" … "tháng 12 năm 2025"): two
      // pieces, both in the right column (LibreOffice prints phường Bắc Cam Ranh's plan so).
      pdf.text("Đông Giang, ngày", 330, 128, { lineBreak: false }).text("tháng 12 năm 2025", 450, 128, { lineBreak: false });
      pdf.fontSize(13).text("KẾ HOẠCH", 85, 160, { width: 450, align: "center" }).text("Kiểm tra, giám sát công tác bầu cử", { width: 450, align: "center" });
      pdf.end();
    });
    const { blocks } = await readDocument(file);
    expect(blocks.slice(0, 7).map((b) => (b.kind === "para" ? b.text : ""))).toEqual([
      "ỦY BAN MTTQ VIỆT NAM",
      "XÃ ĐÔNG GIANG",
      "BAN THƯỜNG TRỰC",
      "Số: /KH-MTTQ-BTT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Đông Giang, ngày tháng 12 năm 2025",
    ]);
  });

  it("joins a wrapped line after a word's hyphen without a space, after a spaced dash with one", () => {
    expect(wrapJoin("Theo Điều 17 Nghị định số 52/2015/NĐ-", "CP ngày 28/5/2015")).toBe("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015");
    expect(wrapJoin("Năm 2026-", "2030")).toBe("Năm 2026-2030");
    expect(wrapJoin("Quý IV/2025 -", "Quý II/2026")).toBe("Quý IV/2025 - Quý II/2026");
    expect(wrapJoin("Sở Tư pháp,", "Sở Nội vụ")).toBe("Sở Tư pháp, Sở Nội vụ");
  });

  it("goes on with a line that starts with 'Phần' or 'Điều' after a full line cut mid-sentence; starts a part after a full stop", async () => {
    const file = join(dir, "word-marker.pdf");
    // The longest line of the page: it sets the text block's right edge, so the reader sees it as full (wrapped).
    const full = "- Chế độ báo cáo: gửi báo cáo tổng kết theo quy định tại";
    await new Promise<void>((resolve) => {
      const pdf = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 85, right: 56 } });
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => void writeFile(file, Buffer.concat(chunks)).then(resolve));
      pdf.font(FONT).fontSize(13);
      pdf.text(full, 85, 100, { lineBreak: false });
      pdf.text("Phần VI Hướng dẫn số 13/HD-MTTQ-BTT.", 85, 118, { lineBreak: false });
      pdf.text("Phần VII. TỔ CHỨC", 85, 136, { lineBreak: false });
      pdf.end();
    });
    const { blocks } = await readDocument(file);
    const texts = blocks.map((b) => (b.kind === "para" ? b.text : ""));
    expect(texts.some((t) => t.endsWith("theo quy định tại Phần VI Hướng dẫn số 13/HD-MTTQ-BTT."))).toBe(true);
    expect(texts).toContain("Phần VII. TỔ CHỨC");
  });

  it("refuses a scanned PDF, a corrupt PDF, an encrypted or legacy Word file, a file over the limit, an unknown format", async () => {
    const scan = join(dir, "scan.pdf");
    await new Promise<void>((resolve) => {
      const pdf = new PDFDocument();
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => void writeFile(scan, Buffer.concat(chunks)).then(resolve));
      pdf.rect(50, 50, 300, 400).fill("#777");
      pdf.end();
    });
    expect(await codeOf(readDocument(scan))).toBe("DOC_NO_TEXT");
    const corrupt = join(dir, "corrupt.pdf");
    await writeFile(corrupt, "%PDF-1.7\nthis is not really a pdf");
    expect(await codeOf(readDocument(corrupt))).toBe("DOC_CORRUPT");
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from("EncryptionInfo", "utf16le")]);
    await writeFile(join(dir, "locked.docx"), cfb);
    expect(await codeOf(readDocument(join(dir, "locked.docx")))).toBe("DOC_ENCRYPTED");
    await writeFile(join(dir, "old.docx"), cfb.subarray(0, 520));
    expect(await codeOf(readDocument(join(dir, "old.docx")))).toBe("DOC_UNSUPPORTED");
    await writeFile(join(dir, "broken.docx"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await codeOf(readDocument(join(dir, "broken.docx")))).toBe("DOC_CORRUPT");
    const big = join(dir, "big.pdf");
    await writeFile(big, "");
    await truncate(big, 50 * 1024 * 1024 + 1);
    const e = await readDocument(big).catch((x: AppError) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("DOC_TOO_LARGE");
    expect((e as AppError).bilingual()).toMatch(/^Tệp .* vượt giới hạn 50 MB.*\n.*over the 50 MB limit/);
    expect(await codeOf(readDocument(join(dir, "plan.odt")))).toBe("DOC_UNSUPPORTED");
    expect(existsSync(join(dir, "plan.odt"))).toBe(false);
  });

  it("bounds what a file may cost: text formats over 5 MB refused before reading, any format over 3 million characters refused before parsing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dondoc-limits-"));
    const bigText = join(dir, "big.txt");
    await writeFile(bigText, "");
    await truncate(bigText, 5 * 1024 * 1024 + 1);
    const e = await readDocument(bigText).catch((x: AppError) => x);
    expect((e as AppError).code).toBe("DOC_TOO_LARGE");
    expect((e as AppError).bilingual()).toMatch(/vượt giới hạn 5 MB[\s\S]*over the 5 MB limit/);
    // 4 MB of text in a .docx-sized budget: read, then refused for its length before any parsing.
    const wordy = join(dir, "wordy.md");
    await writeFile(wordy, `KẾ HOẠCH\n${"Nhiệm vụ rà soát thủ tục hành chính của các đơn vị.\n".repeat(70_000)}`);
    const t = await readDocument(wordy).catch((x: AppError) => x);
    expect((t as AppError).code).toBe("DOC_TOO_MUCH_TEXT");
    expect((t as AppError).bilingual()).toMatch(/vượt giới hạn 3\.000\.000 ký tự[\s\S]*over the 3.000.000-character limit/);
  });

  it("stops reading a PDF at the character limit instead of holding every page and refusing after", async () => {
    const bytes = await new Promise<Buffer>((resolve) => {
      const pdf = new PDFDocument({ size: "A4" });
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => resolve(Buffer.concat(chunks)));
      for (let page = 0; page < 30; page++) {
        if (page > 0) pdf.addPage();
        pdf.text("Giao So Noi vu chu tri, phoi hop voi So Tai chinh ra soat thu tuc hanh chinh; thoi gian thuc hien: Quy IV/2025. ".repeat(12));
      }
      pdf.end();
    });
    // Read whole, it is about 40,000 characters; with a limit of 5,000 the reader stops on the second or third page.
    expect((await readPdf(new Uint8Array(bytes), "long.pdf")).pages).toBe(30);
    const e = await readPdf(new Uint8Array(bytes), "long.pdf", 5_000).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("DOC_TOO_MUCH_TEXT");
    expect((e as AppError).bilingual()).toMatch(/chứa hơn 5\.000 ký tự, vượt giới hạn 5\.000 ký tự[\s\S]*holds more than 5\.000 characters/);
  });

  it("decodes windows-1258 when clearly Vietnamese, refuses other code pages", async () => {
    const text = "KẾ HOẠCH thực hiện của các đơn vị năm 2025: phối hợp với cơ quan chủ trì, theo tháng và ngày được giao.";
    expect(decodeText(toCp1258(text), "x.txt")).toBe(text);
    expect(decodeText(new Uint8Array([0x93, 0x4b, 0x65, 0x20, 0x68, 0x6f, 0x61, 0x63, 0x68, 0x94]), "x.txt")).toBe("\u201cKe hoach\u201d");
    // TCVN3 (ABC) bytes: not UTF-8, not readable Vietnamese in windows-1258.
    const tcvn3 = new Uint8Array([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x20, 0xad, 0xaa, 0x6e, 0x20, 0x76, 0xdb]);
    expect(await codeOf(Promise.resolve().then(() => decodeText(tcvn3, "x.txt")))).toBe("DOC_ENCODING");
    const file = join(dir, "plan-1258.txt");
    await writeFile(
      file,
      toCp1258(`KẾ HOẠCH\nCải cách hành chính\nII. NHIỆM VỤ\n1. Giao Sở Nội vụ chủ trì thực hiện các nhiệm vụ của năm, theo tháng và ngày với tổ chức phối hợp.`),
    );
    const r = await readDocument(file);
    expect(r.blocks.map((b) => (b.kind === "para" ? b.text : ""))).toContain("Cải cách hành chính");
  });

  it("reads an HTML page: paragraphs, line breaks and a rowspan table", async () => {
    const file = join(dir, "plan.html");
    await writeFile(
      file,
      `<html><body><p>KẾ HOẠCH<br>Chuyển đổi số</p><table><tr><td>STT</td><td>Nhiệm vụ</td><td>Chủ trì</td></tr><tr><td>1</td><td>Số hóa</td><td rowspan="2">Sở KH&amp;CN</td></tr><tr><td>2</td><td>Kết nối</td></tr></table></body></html>`,
    );
    const r = await readDocument(file);
    expect(r.blocks[0]).toEqual({ kind: "para", text: "KẾ HOẠCH", pos: { line: 1 } });
    const t = r.blocks.find((b) => b.kind === "table");
    expect(t?.kind === "table" && t.rows[2]!.map((c) => c.text)).toEqual(["2", "Kết nối", "Sở KH&CN"]);
  });

  it("reads a page in the charset it declares: Word's windows-1252 page with the other Vietnamese letters as references", async () => {
    const file = join(dir, "word-1252.html");
    // "Hòa" and "ký" in windows-1252 bytes (ò = 0xF2, ý = 0xFD, quotes 0x93/0x94): read as windows-1258, 0xF2 is a combining mark.
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head><body><p>C&#7896;NG H\xd2A X&#195; H&#7896;I CH&#7910; NGH&#296;A VI&#7878;T NAM</p><p>Ph&#243; Ch&#7911; t&#7883;ch, Th&#432; k\xfd \x93Hòa\x94</p></body></html>`;
    await writeFile(file, Buffer.from(html.replace("Hòa", "H\xf2a"), "latin1"));
    const r = await readDocument(file);
    expect(r.blocks.map((b) => (b.kind === "para" ? b.text : ""))).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phó Chủ tịch, Thư ký “Hòa”"]);
  });

  it("reads a page saved from a word processor: source lines wrapped inside a paragraph or a cell, numbering kept as <ol>/<ul> lists", async () => {
    const file = join(dir, "saved.html");
    // As LibreOffice's "Save as HTML" writes an auto-numbered plan: text wrapped at ~60 characters in the source,
    // the labels "I.", "1.", "a)", "-" only as list types, each item's text in a <p> of its own.
    await writeFile(
      file,
      `<html><body><p>KẾ HOẠCH</p>
<ol type="I" start="2"><li><p><b>NHIỆM
VỤ CỤ THỂ</b></p>
<ol><li><p>Cải cách thủ tục
hành chính</p>
<ol type="a"><li><p>Giao Sở Nội vụ chủ trì,
phối hợp với Sở Tư pháp rà soát thủ tục, hoàn thành
trong Quý II/2026.</p></li>
<li value="3"><p>Giao Văn phòng
UBND tỉnh theo dõi.</p>
<ul><li><p>Công khai thủ tục.</p><ul><li><p>Trên Cổng dịch vụ công.</p></li></ul></li></ul></li></ol></li></ol></li></ol>
<table><tr><td>Chủ trì</td><td>Sở Tài
chính<br>Sở Xây
dựng</td></tr></table>
<pre>Dòng 1
Dòng 2</pre></body></html>`,
    );
    const r = await readDocument(file);
    expect(r.blocks.map((b) => (b.kind === "para" ? b.text : b.rows.map((row) => row.map((c) => c.text).join(" | ")).join(" / ")))).toEqual([
      "KẾ HOẠCH",
      "II. NHIỆM VỤ CỤ THỂ",
      "1. Cải cách thủ tục hành chính",
      "a) Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục, hoàn thành trong Quý II/2026.",
      "c) Giao Văn phòng UBND tỉnh theo dõi.",
      "- Công khai thủ tục.",
      "+ Trên Cổng dịch vụ công.",
      "Chủ trì | Sở Tài chính\nSở Xây dựng",
      "Dòng 1",
      "Dòng 2",
    ]);
  });
});
