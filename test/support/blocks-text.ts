// Block Kit as plain text, the way a reader sees it in Slack: headers,
// sections with their fields, context lines, buttons in brackets. For golden
// files a reviewer reads (test/golden), not for any user.
type Json = { [key: string]: unknown };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const textOf = (v: unknown): string => (isObject(v) && typeof v.text === "string" ? v.text : "");

function element(e: Json): string {
  if (e.type === "button") return `[${textOf(e.text)}]`;
  if (e.type === "static_select" || e.type === "number_input" || e.type === "plain_text_input" || e.type === "checkboxes") {
    const options = objects(e.options).map((o) => textOf(o.text));
    return `<${textOf(e.placeholder) || e.type}${options.length ? `: ${options.slice(0, 5).join(" | ")}${options.length > 5 ? ` | … (${options.length})` : ""}` : ""}>`;
  }
  return textOf(e);
}

export function blocksText(blocks: unknown): string {
  const out: string[] = [];
  for (const b of objects(blocks)) {
    switch (b.type) {
      case "header":
        out.push("", `## ${textOf(b.text)}`);
        break;
      case "section": {
        if (textOf(b.text)) out.push(textOf(b.text));
        for (const f of objects(b.fields)) out.push(`  ${textOf(f).replace(/\n/g, ": ")}`);
        if (isObject(b.accessory)) out.push(`  ${element(b.accessory)}`);
        break;
      }
      case "context":
        out.push(`  › ${objects(b.elements).map(element).join(" · ")}`);
        break;
      case "actions":
        out.push(objects(b.elements).map(element).join(" "));
        break;
      case "divider":
        out.push("───");
        break;
      case "input":
        out.push(`${textOf(b.label)}: ${isObject(b.element) ? element(b.element) : ""}${textOf(b.hint) ? ` (${textOf(b.hint)})` : ""}`);
        break;
      default:
        out.push(`(${String(b.type)})`);
    }
  }
  return `${out.join("\n").trim()}\n`;
}

/** A message as its notification text, then its blocks. */
export function messageText(m: { text: string; blocks: unknown }): string {
  return `[thông báo / notification] ${m.text}\n${blocksText(m.blocks)}`;
}
