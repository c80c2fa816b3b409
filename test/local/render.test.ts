// Block Kit and mrkdwn as the local workspace renders them: every block type
// dondoc sends, Slack's mrkdwn, and no way for message text to become HTML.
import { describe, expect, it } from "vitest";
import { blocksToHtml } from "../../src/local/render/blocks.js";
import { escapeHtml } from "../../src/local/render/html.js";
import { mrkdwnToHtml, type Names } from "../../src/local/render/mrkdwn.js";
import { homeHtml, messageHtml, modalHtml, tsLabel } from "../../src/local/render/views.js";
import type { Block, View } from "../../src/slack-fake/index.js";
import { escapeMrkdwn } from "../../src/views/limits.js";

const names: Names = {
  user: (id) => ({ U0GDNN002: "Huỳnh Văn Tài", U0EVIL: '<img src=x onerror="alert(1)">' })[id],
  channel: (id) => ({ C0GDNN: "dondoc-gdnn" })[id],
};
const md = (text: string) => mrkdwnToHtml(text, names);

describe("mrkdwn", () => {
  it("formats bold, italic, strike, code and code blocks, and keeps line breaks and emoji", () => {
    expect(md("*Quá hạn* _ghi chú_ ~bỏ~ `II.2.c` 🔴")).toBe("<strong>Quá hạn</strong> <em>ghi chú</em> <s>bỏ</s> <code>II.2.c</code> 🔴");
    expect(md("dòng 1\ndòng 2")).toBe("dòng 1<br>dòng 2");
    expect(md("```a *b*\n<c>```")).toBe("<pre>a *b*\n&lt;c&gt;</pre>");
    expect(md("`*not bold*`")).toBe("<code>*not bold*</code>");
  });

  it("leaves markers inside words and around spaces alone, as Slack does", () => {
    expect(md("snake_case_name, 2*3*4, * not bold *, _")).toBe("snake_case_name, 2*3*4, * not bold *, _");
    expect(md("*Tiến độ*: 60%")).toBe("<strong>Tiến độ</strong>: 60%");
  });

  it("links <url|label> and <url>, and lets formatting wrap a link without reaching inside it", () => {
    expect(md("<https://dichvucong.gov.vn/a_b_c?x=1&amp;y=2|Cổng DVC>")).toBe(
      '<a href="https://dichvucong.gov.vn/a_b_c?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">Cổng DVC</a>',
    );
    expect(md("<https://example.gov.vn/bc.pdf>")).toContain(">https://example.gov.vn/bc.pdf</a>");
    expect(md("*<https://x.vn/*a*|xem>*")).toBe('<strong><a href="https://x.vn/*a*" target="_blank" rel="noopener noreferrer">xem</a></strong>');
  });

  it("shows mentions as names, channels as #name, dates as their fallback", () => {
    expect(md("<@U0GDNN002> báo cáo ở <#C0GDNN>")).toBe('<span class="mention">@Huỳnh Văn Tài</span> báo cáo ở <span class="mention channel">#dondoc-gdnn</span>');
    expect(md("<@U0UNKNOWN> <#C0OTHER|kenh-khac>")).toBe('<span class="mention">@U0UNKNOWN</span> <span class="mention channel">#kenh-khac</span>');
    expect(md("Cập nhật <!date^1695168000^{date_short_pretty} {time}|20/09/2023>")).toBe('Cập nhật <span class="date">20/09/2023</span>');
    expect(md("<!here> <!channel>")).toBe('<span class="mention">@here</span> <span class="mention">@channel</span>');
  });

  it("never lets text become HTML: tags, attributes, scripts in links, names", () => {
    const typed = escapeMrkdwn('<script>alert("x")</script> <img src=x onerror=alert(1)> & <https://evil|bank>');
    expect(md(typed)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp; &lt;https://evil|bank&gt;");
    expect(md("<javascript:alert(1)|bấm vào đây>")).toBe("bấm vào đây");
    expect(md("<data:text/html;base64,PHNjcmlwdD4=|x>")).toBe("x");
    expect(md('<https://x.vn/" onmouseover="alert(1)|a>')).toBe('<a href="https://x.vn/&quot; onmouseover=&quot;alert(1)" target="_blank" rel="noopener noreferrer">a</a>');
    expect(md("<@U0EVIL>")).toBe('<span class="mention">@&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</span>');
    expect(md("a <b>bold?</b> ' \"")).toBe("a &lt;b&gt;bold?&lt;/b&gt; &#39; &quot;");
  });

  it("cannot be tricked by text that looks like its own placeholders", () => {
    expect(md("\u00000\u0000 <https://a.vn|x>")).toBe('0 <a href="https://a.vn" target="_blank" rel="noopener noreferrer">x</a>');
  });
});

describe("blocks", () => {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: "Tổng quan <KH 1565>", emoji: true } },
    {
      type: "section",
      block_id: "task-1",
      text: { type: "mrkdwn", text: "*II.2.c.3.1* Tiêu chí" },
      fields: [
        { type: "mrkdwn", text: "*Tiến độ*\n60%" },
        { type: "plain_text", text: "*Hạn* không đậm" },
      ],
      accessory: { type: "button", action_id: "report_open", value: "42", text: { type: "plain_text", text: "Báo cáo" } },
    },
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: "_Số liệu_ đến 20/09/2023" },
        { type: "image", image_url: "https://x/y.png", alt_text: "logo" },
      ],
    },
    { type: "divider" },
    {
      type: "actions",
      elements: [
        { type: "button", action_id: "tasks_page", value: "1", style: "primary", text: { type: "plain_text", text: "Sau ▶" } },
        { type: "button", value: "x", style: "danger", text: { type: "plain_text", text: "Xóa" } },
      ],
    },
    { type: "rich_text", elements: [] },
  ];
  const html = blocksToHtml(blocks, { names });

  it("renders every block type dondoc sends", () => {
    expect(html).toContain('<div class="b-header">Tổng quan &lt;KH 1565&gt;</div>');
    expect(html).toContain('<div class="b-text"><strong>II.2.c.3.1</strong> Tiêu chí</div>');
    expect(html).toContain('<div class="b-field"><strong>Tiến độ</strong><br>60%</div>');
    expect(html).toContain('<div class="b-field">*Hạn* không đậm</div>'); // plain_text is not mrkdwn
    expect(html).toContain('<div class="b-context"><span><em>Số liệu</em> đến 20/09/2023</span><span class="b-image-alt">logo</span></div>');
    expect(html).toContain('<hr class="b-divider">');
    expect(html).toContain('<div class="b-unsupported">[rich_text]</div>');
    expect(html).not.toContain("https://x/y.png"); // nothing is loaded from outside
  });

  it("gives buttons the block and action ids the fake Slack reports, named or not", () => {
    expect(html).toContain(
      '<div class="b-accessory"><button type="button" class="btn" data-block-id="task-1" data-action-id="report_open" data-type="button">Báo cáo</button></div>',
    );
    expect(html).toContain('<button type="button" class="btn btn-primary" data-block-id="block-4" data-action-id="tasks_page" data-type="button">Sau ▶</button>');
    expect(html).toContain('class="btn btn-danger" data-block-id="block-4" data-action-id="action-4-1"');
  });
});

describe("modals", () => {
  const view = (over: Partial<View> = {}): View => ({
    id: "V1",
    userId: "U0GDNN002",
    type: "modal",
    callbackId: "progress_report",
    privateMetadata: "",
    externalId: "",
    hash: "h1",
    title: { type: "plain_text", text: "Báo cáo tiến độ" },
    submit: { type: "plain_text", text: "Gửi" },
    close: { type: "plain_text", text: "Hủy" },
    notifyOnClose: false,
    clearOnClose: false,
    rootViewId: "V1",
    stateValues: {},
    blocks: [
      {
        type: "input",
        block_id: "task",
        label: { type: "plain_text", text: "Nhiệm vụ" },
        element: {
          type: "static_select",
          action_id: "task",
          placeholder: { type: "plain_text", text: "Chọn nhiệm vụ" },
          options: [
            { text: { type: "plain_text", text: "II.1 · Một" }, value: "1", description: { type: "plain_text", text: "Chủ trì · 0%" } },
            { text: { type: "plain_text", text: "II.2 · <Hai>" }, value: "2" },
          ],
          initial_option: { text: { type: "plain_text", text: "II.2 · <Hai>" }, value: "2" },
        },
      },
      {
        type: "input",
        block_id: "percent",
        label: { type: "plain_text", text: "Tiến độ (%)" },
        hint: { type: "plain_text", text: "0–100" },
        element: { type: "number_input", action_id: "percent", is_decimal_allowed: false, min_value: "0", max_value: "100", initial_value: "20" },
      },
      {
        type: "input",
        block_id: "done",
        optional: true,
        label: { type: "plain_text", text: "Hoàn thành" },
        element: { type: "checkboxes", action_id: "done", options: [{ text: { type: "plain_text", text: "Đã hoàn thành" }, value: "done" }] },
      },
      {
        type: "input",
        block_id: "note",
        optional: true,
        label: { type: "plain_text", text: "Ghi chú" },
        element: { type: "plain_text_input", action_id: "note", multiline: true, max_length: 3000 },
      },
      { type: "input", block_id: "title", label: { type: "plain_text", text: "Tiêu đề" }, element: { type: "plain_text_input", action_id: "title", initial_value: '"><script>' } },
    ],
    ...over,
  });

  it("renders each input with its label, initial value, hint and whether it is required", () => {
    const html = modalHtml(view(), names);
    expect(html).toContain('<form class="modal" novalidate data-view-id="V1" role="dialog" aria-modal="true">');
    expect(html).toContain("<h2>Báo cáo tiến độ</h2>");
    expect(html).toContain(
      '<select class="select" data-block-id="task" data-action-id="task" data-type="static_select" data-input data-required><option value="">Chọn nhiệm vụ</option>',
    );
    expect(html).toContain('<option value="1">II.1 · Một · Chủ trì · 0%</option><option value="2" selected>II.2 · &lt;Hai&gt;</option>');
    expect(html).toContain(
      '<input type="number" class="text" inputmode="numeric" data-block-id="percent" data-action-id="percent" data-type="number_input" data-input data-required step="1" min="0" max="100" value="20">',
    );
    expect(html).toContain('<div class="hint">0–100</div>');
    expect(html).toContain(
      '<div class="choices" data-block-id="done" data-action-id="done" data-type="checkboxes" data-input><label class="choice"><input type="checkbox" name="done.done" value="done">',
    );
    expect(html).toContain('Hoàn thành <span class="optional">');
    expect(html).toContain('<textarea class="text" rows="4" data-block-id="note" data-action-id="note" data-type="plain_text_input" data-input maxlength="3000"></textarea>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<button type="button" class="btn" data-close>Hủy</button><button type="submit" class="btn btn-primary">Gửi</button>');
  });

  it("shows what the user submitted and the app's errors under their fields", () => {
    const html = modalHtml(
      view({
        stateValues: {
          task: { task: { type: "static_select", selected_option: { value: "1" } } },
          percent: { percent: { type: "number_input", value: "150" } },
          done: { done: { type: "checkboxes", selected_options: [{ value: "done" }] } },
          note: { note: { type: "plain_text_input", value: "</textarea><b>x</b>" } },
        },
        errors: { percent: "Nhập một số nguyên từ 0 đến 100.", note: "<i>quá dài</i>" },
      }),
      names,
    );
    expect(html).toContain('<option value="1" selected>');
    expect(html).not.toContain('<option value="2" selected>');
    expect(html).toContain('value="150"');
    expect(html).toContain('value="done" checked>');
    expect(html).toContain("&lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt;</textarea>");
    expect(html).toContain('<div class="b-input has-error" data-block-id="percent">');
    expect(html).toContain('<div class="field-error" role="alert">Nhập một số nguyên từ 0 đến 100.</div>');
    expect(html).toContain('<div class="field-error" role="alert">&lt;i&gt;quá dài&lt;/i&gt;</div>');
  });

  it("offers only Close when the modal has no submit button", () => {
    const html = modalHtml(view({ submit: undefined, close: { type: "plain_text", text: "Đóng" }, blocks: [] }), names);
    expect(html).toContain('<footer class="modal-foot"><button type="button" class="btn" data-close>Đóng</button></footer>');
  });
});

describe("messages and App Home", () => {
  it("shows the author, the time in Vietnam, and marks ephemeral messages", () => {
    const html = messageHtml(
      { channelId: "C1", ts: "1695178800.000100", text: "fallback", blocks: [], author: { name: "dondoc", bot: true }, ephemeral: true, edited: false },
      names,
    );
    expect(html).toContain('<article class="msg ephemeral" data-channel-id="C1" data-ts="1695178800.000100">');
    expect(html).toContain("Chỉ người dùng lệnh nhìn thấy tin nhắn này");
    expect(html).toContain('<span class="badge">ỨNG DỤNG · APP</span><time>10:00 · 20/09/2023</time>');
    expect(html).toContain('<div class="b-text">fallback</div>'); // no blocks: the text is the message
    expect(tsLabel("1695142800.000000")).toBe("00:00 · 20/09/2023");
  });

  it("escapes a person's name", () => {
    const html = messageHtml(
      { channelId: "C1", ts: "1695178800.000100", text: "hi", blocks: [], author: { name: "<b>Tài</b>", bot: false }, ephemeral: false, edited: true },
      names,
    );
    expect(html).toContain('<strong class="author">&lt;b&gt;Tài&lt;/b&gt;</strong>');
    expect(html).toContain('<div class="avatar" aria-hidden="true">&lt;</div>');
    expect(html).toContain("(đã sửa · edited)");
  });

  it("renders App Home with its view id for its buttons", () => {
    const home: View = {
      id: "V9",
      userId: "U1",
      type: "home",
      callbackId: "",
      privateMetadata: "",
      externalId: "",
      hash: "h",
      notifyOnClose: false,
      clearOnClose: false,
      rootViewId: "V9",
      stateValues: {},
      blocks: [{ type: "actions", elements: [{ type: "button", action_id: "report_open", value: "", text: { type: "plain_text", text: "Báo cáo tiến độ" } }] }],
    };
    expect(homeHtml(home, names)).toBe(
      '<div class="home-view" data-view-id="V9"><div class="b-actions"><button type="button" class="btn" data-block-id="block-0" data-action-id="report_open" data-type="button">Báo cáo tiến độ</button></div></div>',
    );
  });

  it("shows a shared document as a download link with its name and size, and an image inline", () => {
    const files = [
      {
        id: "F1",
        name: "bao-cao-1565-khsldtbxh-quy-iii-2023.docx",
        title: "bao-cao-1565-khsldtbxh-quy-iii-2023.docx",
        mimetype: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        size: 20_480,
      },
      { id: "F2", name: 'Báo cáo "đợt 1" <bản ký>.pdf', title: "Báo cáo đợt 1", mimetype: "application/pdf", size: 1_572_864 },
      { id: "F3", name: "chart.png", title: "Biểu đồ tiến độ", mimetype: "image/png", size: 100 },
    ];
    const html = messageHtml(
      { channelId: "C1", ts: "1695178800.000100", text: "Tệp báo cáo", blocks: [], author: { name: "dondoc", bot: true }, ephemeral: false, edited: false, files },
      names,
    );
    expect(html).toContain(
      '<div class="file-link">📎 <a href="/api/files/F1" download="bao-cao-1565-khsldtbxh-quy-iii-2023.docx" title="bao-cao-1565-khsldtbxh-quy-iii-2023.docx">bao-cao-1565-khsldtbxh-quy-iii-2023.docx</a> <span class="file-size">20 KB</span></div>',
    );
    // The name is the download's, escaped; the size as a person reads it.
    expect(html).toContain(
      'download="Báo cáo &quot;đợt 1&quot; &lt;bản ký&gt;.pdf" title="Báo cáo đợt 1">Báo cáo &quot;đợt 1&quot; &lt;bản ký&gt;.pdf</a> <span class="file-size">1,5 MB</span>',
    );
    expect(html).toContain('<img src="/api/files/F3" alt="Biểu đồ tiến độ" loading="lazy">');
    expect(html.match(/class="file-link"/g)).toHaveLength(2);
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("threads in the local workspace", () => {
  it("shows each thread's replies right under their parent, in time order", async () => {
    const { threaded } = await import("../../src/local/web/api.js");
    const m = (ts: string, threadTs?: string) => ({ ts, ...(threadTs ? { threadTs } : {}) });
    const order = threaded([m("1.0"), m("2.0", "2.0"), m("3.0"), m("4.0", "2.0"), m("5.0", "9.0"), m("6.0", "1.0")]).map((x) => x.ts);
    // 4.0 answers 2.0 and 6.0 answers 1.0; 5.0's parent is not shown, so it stays in its place.
    expect(order).toEqual(["1.0", "6.0", "2.0", "4.0", "3.0", "5.0"]);
  });

  it("marks a reply as one", () => {
    const html = messageHtml(
      { channelId: "C1", ts: "2.0", threadTs: "1.0", text: "Ý kiến chỉ đạo", blocks: [], author: { name: "dondoc", bot: true }, ephemeral: false, edited: false },
      names,
    );
    expect(html).toContain('class="msg reply"');
    expect(html).toContain("Trả lời trong chuỗi tin nhắn");
  });
});

describe("quotes", () => {
  it("shows a line starting with '>' as a quote, and an escaped one as text", () => {
    expect(mrkdwnToHtml("Nêu:\n>Chưa có *kinh phí*\nhết")).toBe('Nêu:<br><span class="quote">Chưa có <strong>kinh phí</strong></span><br>hết');
    expect(mrkdwnToHtml("&gt;không phải trích dẫn")).toBe("&gt;không phải trích dẫn");
  });
});
