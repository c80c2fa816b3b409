// The local workspace page: pick who you are, read channels, type /kehoach,
// click buttons, fill modals, open App Home, run scheduled jobs. Messages,
// modals and App Home arrive as HTML rendered (and escaped) by the server;
// everything this script builds itself uses textContent.

const $ = (selector) => document.querySelector(selector);

const state = {
  workspace: null,
  user: null,
  channel: null,
  homeTab: "home",
  modalKey: null,
  homeKey: null,
  clockInput: null,
  unread: new Set(),
  refreshTimer: null,
  refreshing: null,
};

// ---------------------------------------------------------------- helpers

async function api(path, body) {
  const res = await fetch(
    `/api/${path}`,
    body === undefined ? { headers: { accept: "application/json" } } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
  return json;
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child);
  return node;
}

/** Vietnamese label with its English in smaller text. */
function bilingual(label) {
  const frag = document.createDocumentFragment();
  frag.append(label.vi);
  if (label.en && label.en !== label.vi) frag.append(" ", el("span", { class: "en", text: label.en }));
  return frag;
}

let toastTimer = null;
function toast(message, kind = "error") {
  const box = $("#toast");
  box.textContent = message;
  box.className = `toast ${kind}`;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), kind === "error" ? 8000 : 4000);
}

/** Tells the person when dondoc answered badly, as Slack would. */
function checkOutcome(result) {
  if (!result) return;
  if (result.refusal) toast(`Slack từ chối câu trả lời của dondoc · Slack refused dondoc's answer: ${result.refusal.error} ${result.refusal.messages?.join(" ") ?? ""}`);
  else if (result.late) toast(`dondoc trả lời sau ${result.ms} ms, quá 3 giây: Slack sẽ báo "operation_timeout". · dondoc answered too late.`);
  else if (typeof result.status === "number" && result.status !== 200) toast(`dondoc trả lời lỗi HTTP ${result.status} · dondoc answered with an error.`);
}

const currentPerson = () => state.workspace.groups.flatMap((g) => g.people).find((p) => p.id === state.user);
const channelById = (id) => state.workspace.channels.find((c) => c.id === id);

// ---------------------------------------------------------------- sidebar

function renderWho() {
  const select = $("#who");
  select.replaceChildren();
  for (const group of state.workspace.groups) {
    const optgroup = el("optgroup", { label: group.label.en && group.label.en !== group.label.vi ? `${group.label.vi} · ${group.label.en}` : group.label.vi });
    for (const person of group.people) {
      optgroup.append(el("option", { value: person.id, text: `${person.name} — ${person.role.vi}` }));
    }
    select.append(optgroup);
  }
  select.value = state.user;
  const person = currentPerson();
  const role = $("#who-role");
  role.replaceChildren();
  if (person) role.append(bilingual(person.role));
}

function renderChannels() {
  const list = $("#channels");
  list.replaceChildren();
  for (const channel of state.workspace.channels) {
    const button = el("button", { type: "button", class: "nav-item", "data-channel": channel.id, title: channel.label.vi }, [
      el("span", { class: "nav-icon", text: "#" }),
      el("span", { class: "nav-name", text: channel.name }),
      el("span", { class: "nav-unit", text: channel.label.vi.split(" · ")[0] }),
    ]);
    list.append(button);
  }
  markNav();
}

function markNav() {
  for (const item of document.querySelectorAll(".nav-item")) {
    const id = item.dataset.channel;
    item.classList.toggle("active", id === state.channel);
    item.classList.toggle("unread", state.unread.has(id) && id !== state.channel);
  }
}

function renderJobs() {
  const jobs = state.workspace.jobs;
  $("#jobs").hidden = !jobs;
  if (!jobs) return;
  const box = $("#job-buttons");
  box.replaceChildren();
  for (const job of jobs) {
    const button = el("button", { type: "button", class: "btn job", "data-job": job.id }, [el("span", { text: job.label.vi }), el("span", { class: "en", text: job.label.en })]);
    box.append(button);
  }
}

function renderClock(clock) {
  $("#clock-label").textContent = clock.label;
  state.clockInput = clock.input;
  const input = $("#clock-input");
  if (document.activeElement !== input) input.value = clock.input;
}

// ---------------------------------------------------------------- main view

function renderHeader() {
  const title = $("#title");
  const subtitle = $("#subtitle");
  subtitle.replaceChildren();
  const home = state.channel === "home";
  if (home) {
    title.textContent = "dondoc";
    subtitle.append(bilingual({ vi: "Trang chủ dondoc của đồng chí", en: "Your App Home" }));
  } else {
    const channel = channelById(state.channel);
    title.textContent = `# ${channel?.name ?? ""}`;
    if (channel) subtitle.append(bilingual(channel.label));
  }
  $("#home-tabs").hidden = !home;
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.tab === state.homeTab);
  const composing = !home;
  $("#composer").hidden = !composing;
  // In the direct message with dondoc (App Home's Messages tab), a file can be shared with the bot.
  $("#share-file").hidden = !(home && state.homeTab === "messages");
  $("#suggestions").hidden = !composing;
  if (composing) $("#composer-input").placeholder = `Nhắn #${channelById(state.channel)?.name ?? ""} — gõ ${state.workspace.command} help`;
}

function renderSuggestions() {
  const box = $("#suggestions");
  box.replaceChildren(el("span", { class: "suggest-label", text: "Thử · Try:" }));
  const c = state.workspace.command;
  for (const text of [`${c} tongquan`, `${c} viec`, `${c} baocao`, `${c} chiso`, `${c} help`]) {
    box.append(el("button", { type: "button", class: "chip", "data-suggest": text, text }));
  }
}

function welcome() {
  const c = state.workspace.command;
  const steps = [
    [`${c} tongquan`, "xem kế hoạch đang ở đâu", "where the plan stands"],
    [`${c} baocao`, "báo cáo tiến độ một nhiệm vụ của đơn vị", "report progress on a task"],
    [`${c} help`, "mọi lệnh của dondoc", "every command"],
  ];
  return el("div", { class: "welcome" }, [
    el("h2", { text: "Chào mừng đến với dondoc" }),
    el("p", { class: "en", text: "Welcome. Pick who you are on the left, then try:" }),
    el(
      "ol",
      {},
      steps.map(([cmd, vi, en]) =>
        el("li", {}, [el("button", { type: "button", class: "chip", "data-suggest": cmd, text: cmd }), ` ${vi} `, el("span", { class: "en", text: en })]),
      ),
    ),
    el("p", { class: "muted", text: "Mở “Trang chủ dondoc” để xem nhiệm vụ của đơn vị. · Open App Home to see your unit's tasks." }),
  ]);
}

function renderFeed(view) {
  const feed = $("#feed");
  const atBottom = feed.scrollHeight - feed.scrollTop - feed.clientHeight < 80;
  if (state.channel === "home" && state.homeTab === "home") {
    const key = view.home ? view.home.key : "none";
    if (key === state.homeKey) return;
    state.homeKey = key;
    if (view.home) feed.innerHTML = view.home.html;
    else feed.replaceChildren(el("div", { class: "empty", text: "Đang mở Trang chủ… · Opening App Home…" }));
    return;
  }
  state.homeKey = null;
  if (view.messages.length === 0) {
    feed.replaceChildren(state.channel === "home" ? el("div", { class: "empty", text: "Chưa có tin nhắn riêng nào từ dondoc. · No direct messages from dondoc yet." }) : welcome());
    return;
  }
  feed.innerHTML = view.messages.map((m) => m.html).join("");
  if (atBottom || feed.dataset.shown !== state.channel) feed.scrollTop = feed.scrollHeight;
  feed.dataset.shown = state.channel;
}

function renderModal(modal) {
  const overlay = $("#overlay");
  if (!modal) {
    state.modalKey = null;
    overlay.hidden = true;
    overlay.replaceChildren();
    return;
  }
  if (modal.key === state.modalKey) return;
  const opening = state.modalKey === null || !state.modalKey.startsWith(`${modal.id}:`);
  state.modalKey = modal.key;
  overlay.innerHTML = modal.html;
  overlay.hidden = false;
  if (opening) overlay.querySelector("select, input, textarea, button[type=submit]")?.focus();
  else overlay.querySelector(".has-error select, .has-error input, .has-error textarea")?.focus();
}

async function refresh() {
  if (!state.user || !state.channel) return;
  const asked = `${state.user}|${state.channel}|${state.homeTab}`;
  const view = await api(`view?user=${encodeURIComponent(state.user)}&channel=${encodeURIComponent(state.channel)}`);
  if (asked !== `${state.user}|${state.channel}|${state.homeTab}`) return;
  renderClock(view.clock);
  renderFeed(view);
  renderModal(view.modal);
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refresh().catch((e) => toast(e.message)), 40);
}

// ---------------------------------------------------------------- choosing

async function openHome() {
  const result = await api("home", { user: state.user });
  checkOutcome(result);
}

async function selectChannel(id) {
  state.channel = id;
  state.unread.delete(id);
  state.homeKey = null;
  localStorage.setItem("dondoc.channel", id);
  renderHeader();
  markNav();
  $("#feed").replaceChildren();
  await refresh();
  if (id === "home") await openHome();
}

async function selectUser(id) {
  state.user = id;
  state.modalKey = null;
  state.homeKey = null;
  localStorage.setItem("dondoc.user", id);
  renderWho();
  const person = currentPerson();
  // A person lands in their unit's channel, as they would in Slack.
  const target = state.channel === "home" ? "home" : (person?.channel && state.workspace.channels.find((c) => c.name === person.channel)?.id) || state.channel;
  await selectChannel(target);
}

// ---------------------------------------------------------------- acting

async function sendComposer(event) {
  event.preventDefault();
  const input = $("#composer-input");
  const text = input.value.trim();
  if (!text) return;
  const send = $("#composer-send");
  send.disabled = true;
  try {
    const result = await api("command", { user: state.user, channel: state.channel, text });
    input.value = "";
    checkOutcome(result);
  } catch (e) {
    toast(e.message);
  } finally {
    send.disabled = false;
    input.focus();
  }
}

function whereIs(node) {
  const view = node.closest("[data-view-id]");
  if (view) return { viewId: view.dataset.viewId };
  const message = node.closest(".msg");
  if (message) return { channelId: message.dataset.channelId, messageTs: message.dataset.ts };
  return {};
}

async function act(node, value) {
  const body = { user: state.user, actionId: node.dataset.actionId, blockId: node.dataset.blockId, ...whereIs(node) };
  if (value !== undefined) body.value = value;
  node.disabled = true;
  try {
    checkOutcome(await api("action", body));
  } catch (e) {
    toast(e.message);
  } finally {
    node.disabled = false;
  }
}

const EMPTY = {
  static_select: { selected_option: null },
  radio_buttons: { selected_option: null },
  datepicker: { selected_date: null },
};

/** The form's inputs as block_id → action_id → value, and the required ones left empty. */
function modalValues(form) {
  const values = {};
  const missing = [];
  for (const input of form.querySelectorAll("[data-input]")) {
    const { blockId, actionId, type } = input.dataset;
    let value;
    if (type === "checkboxes") value = [...input.querySelectorAll("input:checked")].map((c) => c.value);
    else if (type === "multi_static_select") value = [...input.selectedOptions].map((o) => o.value).filter(Boolean);
    else if (type === "file_input") value = input.files?.length ? [input.files[0]] : [];
    else if (type === "radio_buttons") value = input.querySelector("input:checked")?.value ?? "";
    else value = input.value;
    const empty = Array.isArray(value) ? value.length === 0 : value.trim() === "";
    if (empty && input.hasAttribute("data-required")) missing.push(blockId);
    if (empty && !Array.isArray(value)) value = EMPTY[type] ?? { value: null };
    (values[blockId] ??= {})[actionId] = value;
  }
  return { values, missing };
}

async function submitModal(form) {
  const { values, missing } = modalValues(form);
  for (const block of form.querySelectorAll(".b-input")) {
    const isMissing = missing.includes(block.dataset.blockId);
    if (isMissing) {
      block.classList.add("has-error");
      block.querySelector(".field-error").textContent = "Đề nghị điền mục này. · Please fill this in.";
    }
  }
  // Slack's own client checks required fields before anything is sent.
  if (missing.length > 0) return;
  const submit = form.querySelector("button[type=submit]");
  if (submit) submit.disabled = true;
  try {
    // A picked file goes to the workspace first, as Slack's client uploads it; the submission carries its id.
    for (const byAction of Object.values(values)) {
      for (const [actionId, value] of Object.entries(byAction)) {
        if (Array.isArray(value) && value[0] instanceof File) byAction[actionId] = [(await upload("file", value[0])).fileId];
      }
    }
    const result = await api("submit", { user: state.user, viewId: form.dataset.viewId, values });
    checkOutcome(result);
    await refresh();
  } catch (e) {
    toast(e.message);
  } finally {
    if (submit) submit.disabled = false;
  }
}

/** Sends a file's bytes to the page's server: "share" (a DM with dondoc) or "file" (a modal's file input). */
async function upload(kind, file) {
  const query = new URLSearchParams({ user: state.user, name: file.name });
  const res = await fetch(`/api/${kind}?${query}`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: file });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
  return json;
}

async function shareFile(event) {
  event.preventDefault();
  const input = $("#share-file-input");
  const file = input.files?.[0];
  if (!file) return toast("Chọn một tệp để gửi. · Choose a file to share.");
  const button = $("#share-file button");
  button.disabled = true;
  try {
    await upload("share", file);
    input.value = "";
    await refresh();
  } catch (e) {
    toast(e.message);
  } finally {
    button.disabled = false;
  }
}

async function closeModal() {
  const form = $("#overlay form");
  if (!form) return;
  try {
    await api("close", { user: state.user, viewId: form.dataset.viewId });
    await refresh();
  } catch (e) {
    toast(e.message);
  }
}

async function runJob(button) {
  const result = $("#job-result");
  const buttons = document.querySelectorAll("[data-job]");
  buttons.forEach((b) => (b.disabled = true));
  result.className = "job-result running";
  result.textContent = "Đang chạy… · Running…";
  try {
    await setClockFromInput();
    const r = await api(`jobs/${encodeURIComponent(button.dataset.job)}`, {});
    result.className = "job-result ok";
    result.replaceChildren(el("strong", { text: `✓ ${r.at.label}` }), el("div", { text: r.summary }));
    toast(`✓ ${r.summary}`, "info");
  } catch (e) {
    result.className = "job-result failed";
    result.textContent = `✗ ${e.message}`;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

async function setClockFromInput() {
  const value = $("#clock-input").value;
  if (!value || value === state.clockInput) return;
  renderClock((await api("clock", { at: value })).clock);
}

// ---------------------------------------------------------------- events

function listen() {
  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const nav = target.closest(".nav-item");
    if (nav) return void selectChannel(nav.dataset.channel).catch((e) => toast(e.message));
    const tab = target.closest(".tab");
    if (tab) {
      state.homeTab = tab.dataset.tab;
      state.homeKey = null;
      renderHeader();
      return void refresh().catch((e) => toast(e.message));
    }
    const suggest = target.closest("[data-suggest]");
    if (suggest) {
      const input = $("#composer-input");
      input.value = `${suggest.dataset.suggest} `;
      input.focus();
      return;
    }
    const job = target.closest("[data-job]");
    if (job) return void runJob(job);
    if (target.closest("[data-close]")) return void closeModal();
    const button = target.closest("button[data-action-id]");
    if (button) return void act(button);
  });
  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target.id === "who") return void selectUser(target.value).catch((e) => toast(e.message));
    if (target.id === "clock-input") return void setClockFromInput().catch((e) => toast(e.message));
    // A select outside an input block acts at once, as in Slack.
    if (target.matches("select[data-action-id]:not([data-input])") && target.value) return void act(target, target.value);
  });
  document.addEventListener("input", (event) => {
    const block = event.target instanceof Element ? event.target.closest(".b-input.has-error") : null;
    if (block) {
      block.classList.remove("has-error");
      block.querySelector(".field-error").textContent = "";
    }
  });
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.id === "composer") return void sendComposer(event);
    if (form.id === "share-file") return void shareFile(event);
    if (form.matches("#overlay form")) {
      event.preventDefault();
      return void submitModal(form);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("#overlay").hidden) void closeModal();
  });

  const events = new EventSource("/api/events");
  events.onmessage = (message) => {
    const change = JSON.parse(message.data);
    const here = state.channel;
    const mine = change.userId === undefined || change.userId === state.user;
    if (change.kind === "clock") return scheduleRefresh();
    if ((change.kind === "modal" || change.kind === "home") && change.userId === state.user) return scheduleRefresh();
    if (change.kind === "message" || change.kind === "ephemeral") {
      if (!mine) return;
      if (change.channelId === here || (here === "home" && !channelById(change.channelId))) return scheduleRefresh();
      if (channelById(change.channelId)) {
        state.unread.add(change.channelId);
        markNav();
      }
    }
  };
  events.onerror = () => {
    // EventSource reconnects by itself; meanwhile the page may be stale.
  };
}

// ---------------------------------------------------------------- start

async function start() {
  state.workspace = await api("workspace");
  const people = state.workspace.groups.flatMap((g) => g.people);
  const savedUser = localStorage.getItem("dondoc.user");
  state.user = people.some((p) => p.id === savedUser) ? savedUser : (state.workspace.defaultUserId ?? people[0]?.id);
  const savedChannel = localStorage.getItem("dondoc.channel");
  const person = currentPerson();
  const own = state.workspace.channels.find((c) => c.name === person?.channel)?.id;
  state.channel = savedChannel === "home" || channelById(savedChannel) ? savedChannel : (own ?? state.workspace.channels[0]?.id ?? "home");
  renderWho();
  renderChannels();
  renderJobs();
  renderSuggestions();
  renderClock(state.workspace.clock);
  listen();
  // The clock runs; its label follows without waiting for an event.
  setInterval(scheduleRefresh, 60_000);
  await selectChannel(state.channel);
  document.body.dataset.ready = "true";
}

start().catch((e) => toast(`Không mở được không gian làm việc · Could not start: ${e.message}`));
