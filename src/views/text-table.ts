// Plain-text tables for a terminal and the digest's text preview: cli-table3
// without borders, compact, two spaces between columns. One definition, used
// by src/cli/format.ts and src/views/digest-text.ts.
import Table from "cli-table3";

const NO_BORDER = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

/** A borderless table; `align` per column (left by default). */
export function textTable(head: string[], align?: ("left" | "right")[]): Table.Table {
  return new Table({ head, ...(align ? { colAligns: align } : {}), style: { head: [], border: [], compact: true }, chars: NO_BORDER });
}
