// Ruled tables read from their drawn borders (src/import-doc/read/pdf-ruled.ts): PDFs drawn here with pdf-lib,
// each showing one rule: the grid from stroked lines and from thin filled rectangles, merged cells where a border
// is missing, a cell's paragraphs, the page's other text left to the line reader, and a table going on over a
// page break (its header repeated, a row cut by the break, a merged cell going on).
import { describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { readPdf } from "../../src/import-doc/read/pdf.js";
import type { Block, Table } from "../../src/import-doc/read/types.js";

const SIZE = 11;
const LEFT = [60, 100, 300, 420, 540];

interface Cell {
  /** Row span (grid rows), col span. */
  rows?: number;
  cols?: number;
  lines: string[];
}

/**
 * Draws a table: row heights given, cells left to right per row (null: covered by a merged cell), each cell's
 * lines from its top; borders drawn round each cell (none inside a merged one), as lines or as thin filled boxes.
 */
function drawTable(page: PDFPage, font: PDFFont, top: number, heights: number[], cells: (Cell | null)[][], rules: "lines" | "boxes"): void {
  const ys = [top];
  for (const h of heights) ys.push(ys.at(-1)! - h);
  const rule = (x0: number, y0: number, x1: number, y1: number) => {
    if (rules === "lines") page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness: 0.5 });
    else page.drawRectangle({ x: Math.min(x0, x1) - 0.25, y: Math.min(y0, y1) - 0.25, width: Math.abs(x1 - x0) + 0.5, height: Math.abs(y1 - y0) + 0.5 });
  };
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const x0 = LEFT[c]!;
      const x1 = LEFT[c + (cell.cols ?? 1)]!;
      const y0 = ys[r]!;
      const y1 = ys[r + (cell.rows ?? 1)]!;
      rule(x0, y0, x1, y0);
      rule(x0, y1, x1, y1);
      rule(x0, y0, x0, y1);
      rule(x1, y0, x1, y1);
      cell.lines.forEach((t, i) => page.drawText(t, { x: x0 + 4, y: y0 - 14 - i * 13, size: SIZE, font }));
    }),
  );
}

const HEADER: Cell[] = [{ lines: ["STT"] }, { lines: ["Nhiem vu"] }, { lines: ["Chu tri"] }, { lines: ["Phoi hop"] }];

async function doc(draw: (page: (n: number) => PDFPage, font: PDFFont) => void, pages = 1): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  const font = await d.embedFont(StandardFonts.Helvetica);
  const list = Array.from({ length: pages }, () => d.addPage([595, 842]));
  draw((n) => list[n]!, font);
  return d.save();
}

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === "table");
const texts = (t: Table | undefined) => t?.rows.map((r) => r.map((c) => (c.spanned ? `^${c.text}` : c.text)));

describe("readPdf: ruled tables from their borders", () => {
  it("reads cells from a grid of stroked lines, a cell's wrapped lines as one text, and leaves the text around to the line reader", async () => {
    const bytes = await doc((page, font) => {
      page(0).drawText("Ke hoach thuc hien nam 2026", { x: 60, y: 780, size: SIZE, font });
      drawTable(
        page(0),
        font,
        760,
        [24, 50],
        [HEADER, [{ lines: ["1"] }, { lines: ["Ra soat thu tuc hanh chinh", "cap tinh va cap xa"] }, { lines: ["So Noi vu"] }, { lines: ["Cac so, nganh"] }]],
        "lines",
      );
      page(0).drawText("Noi nhan: nhu tren.", { x: 60, y: 640, size: SIZE, font });
    });
    const { blocks } = await readPdf(bytes, "grid.pdf");
    expect(blocks.map((b) => b.kind)).toEqual(["para", "table", "para"]);
    expect(texts(tables(blocks)[0])).toEqual([
      ["STT", "Nhiem vu", "Chu tri", "Phoi hop"],
      ["1", "Ra soat thu tuc hanh chinh cap tinh va cap xa", "So Noi vu", "Cac so, nganh"],
    ]);
  });

  it("reads the same grid drawn with thin filled rectangles (as Word draws borders)", async () => {
    const bytes = await doc((page, font) =>
      drawTable(page(0), font, 760, [24, 30], [HEADER, [{ lines: ["1"] }, { lines: ["Ra soat"] }, { lines: ["So Noi vu"] }, { lines: ["So Tu phap"] }]], "boxes"),
    );
    expect(texts(tables((await readPdf(bytes, "boxes.pdf")).blocks)[0])).toEqual([
      ["STT", "Nhiem vu", "Chu tri", "Phoi hop"],
      ["1", "Ra soat", "So Noi vu", "So Tu phap"],
    ]);
  });

  it("merges cells where a border is missing: a lead over two rows counts for both, as the .docx reader gives it", async () => {
    const bytes = await doc((page, font) =>
      drawTable(
        page(0),
        font,
        760,
        [24, 30, 30],
        [
          HEADER,
          [{ lines: ["1"] }, { lines: ["Ra soat"] }, { rows: 2, lines: ["So Noi vu"] }, { lines: ["So Tu phap"] }],
          [{ lines: ["2"] }, { lines: ["Bao cao"] }, null, { lines: ["So Tai chinh"] }],
        ],
        "lines",
      ),
    );
    expect(texts(tables((await readPdf(bytes, "merged.pdf")).blocks)[0])).toEqual([
      ["STT", "Nhiem vu", "Chu tri", "Phoi hop"],
      ["1", "Ra soat", "So Noi vu", "So Tu phap"],
      ["2", "Bao cao", "^So Noi vu", "So Tai chinh"],
    ]);
  });

  it("keeps a cell's paragraphs apart (one body a line) but runs on a line the layout wrapped", async () => {
    const bytes = await doc((page, font) =>
      drawTable(page(0), font, 760, [24, 50], [HEADER, [{ lines: ["1"] }, { lines: ["Ra soat"] }, { lines: ["So Noi vu"] }, { lines: ["So Tu phap;", "So Tai chinh"] }]], "lines"),
    );
    expect(texts(tables((await readPdf(bytes, "paras.pdf")).blocks)[0])![1]![3]).toBe("So Tu phap;\nSo Tai chinh");
  });

  it("goes on over a page break: the repeated header dropped, a row cut by the break joined, a merged cell going on", async () => {
    const bytes = await doc((page, font) => {
      drawTable(
        page(0),
        font,
        760,
        [24, 30, 40],
        [
          HEADER,
          [{ lines: ["1"] }, { lines: ["Ra soat"] }, { lines: ["So Noi vu"] }, { lines: ["So Tu phap"] }],
          [{ lines: ["2"] }, { lines: ["Xay dung co so du lieu"] }, { lines: ["So Tai chinh"] }, { lines: ["Cac so,"] }],
        ],
        "lines",
      );
      drawTable(
        page(1),
        font,
        800,
        [24, 30, 30],
        [
          HEADER,
          [{ lines: [""] }, { lines: ["dung chung cua tinh"] }, { lines: [""] }, { lines: ["nganh lien quan"] }],
          [{ lines: ["3"] }, { lines: ["Bao cao"] }, { lines: ["So Noi vu"] }, { lines: ["So Y te"] }],
        ],
        "lines",
      );
    }, 2);
    const { blocks } = await readPdf(bytes, "split.pdf");
    expect(tables(blocks)).toHaveLength(1);
    expect(texts(tables(blocks)[0])).toEqual([
      ["STT", "Nhiem vu", "Chu tri", "Phoi hop"],
      ["1", "Ra soat", "So Noi vu", "So Tu phap"],
      ["2", "Xay dung co so du lieu dung chung cua tinh", "So Tai chinh", "Cac so, nganh lien quan"],
      ["3", "Bao cao", "So Noi vu", "So Y te"],
    ]);
  });

  it("carries a merged cell set on the page before into the rows of its group on the next page", async () => {
    const bytes = await doc((page, font) => {
      drawTable(
        page(0),
        font,
        760,
        [24, 30, 30],
        [
          HEADER,
          [{ lines: ["1"] }, { lines: ["Ra soat"] }, { rows: 2, lines: ["So Noi vu"] }, { lines: ["So Tu phap"] }],
          [{ lines: ["2"] }, { lines: ["Bao cao"] }, null, { lines: ["So Y te"] }],
        ],
        "lines",
      );
      drawTable(page(1), font, 800, [24, 30], [HEADER, [{ lines: ["3"] }, { lines: ["Kiem tra"] }, { lines: [""] }, { lines: ["So Tai chinh"] }]], "lines");
    }, 2);
    expect(texts(tables((await readPdf(bytes, "group.pdf")).blocks)[0])!.at(-1)).toEqual(["3", "Kiem tra", "^So Noi vu", "So Tai chinh"]);
  });

  it("leaves a frame round one cell, an underline and a frame with no text to the line reader", async () => {
    const bytes = await doc((page, font) => {
      page(0).drawText("Doc lap - Tu do - Hanh phuc", { x: 300, y: 800, size: SIZE, font });
      page(0).drawLine({ start: { x: 300, y: 796 }, end: { x: 450, y: 796 }, thickness: 0.5 });
      page(0).drawRectangle({ x: 60, y: 700, width: 200, height: 40, borderWidth: 0.5 });
      page(0).drawText("Noi dung trong khung", { x: 64, y: 720, size: SIZE, font });
      drawTable(page(0), font, 600, [24], [[{ lines: [""] }, { lines: [""] }, { lines: [""] }, { lines: [""] }]], "lines");
    });
    const { blocks } = await readPdf(bytes, "frames.pdf");
    expect(tables(blocks)).toHaveLength(0);
    const text = blocks.map((b) => (b.kind === "para" ? b.text : "")).join(" ");
    expect(text).toContain("Doc lap - Tu do - Hanh phuc");
    expect(text).toContain("Noi dung trong khung");
  });
});
