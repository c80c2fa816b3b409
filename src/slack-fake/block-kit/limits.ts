// Slack's Block Kit limits as Slack enforces them. One place, so the fake and
// anything that wants to paginate before hitting them agree on the numbers.
// Sources: Slack's Block Kit reference, and bolt-js issues 2509/2867 for the
// undocumented cumulative limit on message blocks.

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** chat.postMessage refuses longer top-level `text` with msg_too_long. */
  messageText: 40_000,
  /**
   * Slack refuses a message whose blocks hold "roughly" this many characters
   * with msg_blocks_too_long; observed limits range from about 11,300 to 13,300
   * depending on the block mix. The fake counts every `text` string in the
   * blocks and refuses above this number: stricter than Slack is the safe side.
   */
  messageBlocksText: 12_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  markdownBlockText: 12_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  url: 3_000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  overflowOptionsMin: 1,
  overflowOptionsMax: 5,
  checkboxOptions: 10,
  radioOptions: 10,
  placeholder: 150,
  inputLabel: 2_000,
  inputHint: 2_000,
  imageAltText: 2_000,
  blockId: 255,
  actionId: 255,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  privateMetadata: 3_000,
  callbackId: 255,
  externalId: 255,
  /** A whole view, serialised. */
  viewBytes: 250_000,
  /** A modal stack holds at most three views; views.push beyond answers push_limit_reached. */
  modalStackDepth: 3,
} as const;
