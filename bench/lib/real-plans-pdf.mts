// Large PDFs made of the corpus's real Công báo plans (test/fixtures/plans/real-*/plan.pdf), for the speed
// and memory benches of plan import (issue 11): built with pdf-lib at bench time, never committed.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, popGraphicsState, pushGraphicsState } from "pdf-lib";
import { corpus } from "../../src/import-doc/corpus.js";

/** The corpus's real published plans in PDF, in the corpus's order. */
export function realPdfPlans(root: string): { id: string; file: string }[] {
  return corpus(root).filter((e) => e.id.startsWith("real-") && e.file.endsWith(".pdf"));
}

/**
 * `pages` pages of the real plans, one plan after another, round after round. Each plan's pages are copied
 * once per round, so its fonts appear once per round: a real 100-page Công báo issue embeds them once and
 * pdf.js parses a font once per document, so this is the harder case.
 */
export async function realPlansPdf(root: string, pages: number): Promise<{ bytes: Uint8Array; plans: string[] }> {
  const plans = realPdfPlans(root);
  const merged = await PDFDocument.create();
  const sources = await Promise.all(plans.map(async (e) => PDFDocument.load(await readFile(e.file))));
  for (let i = 0; merged.getPageCount() < pages; i++) {
    const src = sources[i % sources.length]!;
    const take = Math.min(src.getPageCount(), pages - merged.getPageCount());
    for (const page of await merged.copyPages(src, [...Array(take).keys()])) merged.addPage(page);
  }
  return { bytes: await merged.save(), plans: plans.map((e) => e.id) };
}

/**
 * The real plans' pages once each, with a picture drawn on every page so that the file is about `mb`
 * megabytes: a JPEG-filtered image stream of random bytes (what makes real plan PDFs large is the scans and
 * photos in them; text extraction never decodes a picture, so its bytes need not be a valid JPEG).
 */
export async function realPlansWithPicturesPdf(root: string, mb: number): Promise<{ bytes: Uint8Array; pages: number }> {
  const plans = realPdfPlans(root);
  const doc = await PDFDocument.create();
  for (const e of plans) {
    const src = await PDFDocument.load(await readFile(e.file));
    for (const page of await doc.copyPages(src, src.getPageIndices())) doc.addPage(page);
  }
  const text = (await doc.save()).length;
  const pages = doc.getPages();
  const each = Math.max(0, Math.floor((mb * 1024 * 1024 - text) / pages.length));
  pages.forEach((page, i) => {
    const name = PDFName.of(`Pic${i}`);
    const image = doc.context.stream(randomBytes(each), {
      Type: "XObject",
      Subtype: "Image",
      Width: 1240,
      Height: 1754,
      ColorSpace: "DeviceRGB",
      BitsPerComponent: 8,
      Filter: "DCTDecode",
    });
    page.node.setXObject(name, doc.context.register(image));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(200, 0, 0, 280, 300, 40), drawObject(name), popGraphicsState());
  });
  return { bytes: await doc.save(), pages: pages.length };
}
