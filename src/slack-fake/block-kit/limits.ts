// Slack's Block Kit limits as Slack enforces them. One place, so the fake and
// the views that paginate and truncate before hitting them agree on the
// numbers: they live in src/views/limits.ts (a leaf module with no imports).
export { BLOCK_KIT_LIMITS } from "../../views/limits.js";
