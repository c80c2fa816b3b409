// The PDF reader reads text set on its side (a landscape table on a portrait page, or a page turned by /Rotate)
// as it reads an upright page: lines and table columns found in the text's own frame.
import { describe, expect, it } from "vitest";
import { degrees, PDFDocument, StandardFonts } from "pdf-lib";
import { quarterTurn, readPdf } from "../../src/import-doc/read/pdf.js";

/** What is drawn, in the frame of a landscape page 842 wide and 595 high, y up: (x, y, text). */
const CONTENT: [number, number, string][] = [
  [60, 540, "Phu luc nhiem vu cu the cua cac co quan nam 2026"],
  [60, 500, "STT"],
  [120, 500, "Nhiem vu"],
  [520, 500, "Co quan chu tri"],
  [60, 470, "1"],
  [120, 470, "Ra soat thu tuc hanh chinh cap tinh"],
  [520, 470, "So Noi vu"],
  [60, 450, "2"],
  [120, 450, "Xay dung co so du lieu dung chung"],
  [520, 450, "So Khoa hoc va Cong nghe"],
  [120, 436, "cua tinh giai doan 2026 - 2030"],
];

/**
 * One page holding CONTENT: upright on a landscape page; turned a quarter counter-clockwise on a portrait page
 * (the text runs up the page, as the Công báo sets a landscape table); the same with /Rotate 90, so that it
 * shows upright; or turned clockwise (the text runs down the page).
 */
async function pdf(layout: "upright" | "up the page" | "rotate 90" | "down the page"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = layout === "upright" ? doc.addPage([842, 595]) : doc.addPage([595, 842]);
  if (layout === "rotate 90") page.setRotation(degrees(90));
  for (const [x, y, text] of CONTENT) {
    if (layout === "upright") page.drawText(text, { x, y, size: 11, font });
    else if (layout === "down the page") page.drawText(text, { x: y, y: 842 - x, size: 11, font, rotate: degrees(-90) });
    else page.drawText(text, { x: 595 - y, y: x, size: 11, font, rotate: degrees(90) });
  }
  return doc.save();
}

describe("readPdf on pages set on their side", () => {
  it("reads a table turned a quarter (up or down the page, with or without /Rotate) as the upright one", async () => {
    const upright = await readPdf(await pdf("upright"), "upright.pdf");
    const table = upright.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["STT", "Nhiem vu", "Co quan chu tri"],
      ["1", "Ra soat thu tuc hanh chinh cap tinh", "So Noi vu"],
      ["2", "Xay dung co so du lieu dung chung cua tinh giai doan 2026 - 2030", "So Khoa hoc va Cong nghe"],
    ]);
    for (const layout of ["up the page", "rotate 90", "down the page"] as const) expect(await readPdf(await pdf(layout), `${layout}.pdf`)).toEqual(upright);
  });

  it("takes a text item's quarter turn from its matrix, and reads slanted text as upright", () => {
    expect(quarterTurn(11, 0)).toBe(0);
    expect(quarterTurn(0, 14)).toBe(90);
    expect(quarterTurn(-11, 0)).toBe(180);
    expect(quarterTurn(0, -14)).toBe(270);
    expect(quarterTurn(Math.cos(0.02) * 11, Math.sin(0.02) * 11)).toBe(0);
    expect(quarterTurn(Math.cos(0.3) * 11, Math.sin(0.3) * 11)).toBe(0);
  });

  it("reads a header whose last title is set over two lines, above and below the others' one line (NQ 175/NQ-CP)", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([842, 595]);
    const draw = (x: number, y: number, text: string) => page.drawText(text, { x, y, size: 11, font });
    draw(60, 550, "Phu luc nhiem vu cu the cua cac co quan nam 2026");
    draw(705, 521, "Thoi gian");
    for (const [x, text] of [
      [60, "STT"],
      [140, "Don vi"],
      [330, "Nhiem vu chu tri"],
      [540, "Don vi phoi hop"],
    ] as const)
      draw(x, 510, text);
    draw(700, 499, "hoan thanh");
    for (const [y, cells] of [
      [470, ["1", "So Noi vu", "Ra soat thu tuc hanh chinh", "So Tu phap", "Quy IV/2026"]],
      [440, ["2", "So Tai chinh", "Bo tri kinh phi thuc hien", "So Noi vu", "Quy I/2027"]],
    ] as const)
      cells.forEach((t, i) => draw([62, 120, 260, 500, 700][i]!, y, t));
    const { blocks } = await readPdf(await doc.save(), "header.pdf");
    const table = blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["STT", "Don vi", "Nhiem vu chu tri", "Don vi phoi hop", "Thoi gian hoan thanh"],
      ["1", "So Noi vu", "Ra soat thu tuc hanh chinh", "So Tu phap", "Quy IV/2026"],
      ["2", "So Tai chinh", "Bo tri kinh phi thuc hien", "So Noi vu", "Quy I/2027"],
    ]);
  });
});
