// The example department (examples/org.yaml) and plan 1565/KH-SLĐTBXH with
// demo progress: what `npm start` loads into an empty database, and what the
// render scripts (npm run digest:chart, npm run report:render) draw from.
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../db/database.js";
import { parseYaml, readText } from "../files/load.js";
import { OrgFileSchema } from "../files/org-file.js";
import { PlanFileSchema } from "../files/plan-file.js";
import { importOrg } from "../services/import-org.js";
import { importPlan } from "../services/import-plan.js";
import { loadDemoProgress } from "./demo-progress.js";

/** The examples folder, from src/demo or dist/demo. */
export const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

/** Imports the example organisation and plan as `actor`, then the demo progress; says what it loaded. */
export async function loadExamples(prisma: PrismaClient, actor: string): Promise<{ org: string; plan: string; reports: number; obstacles: number }> {
  const org = `${EXAMPLES}org.yaml`;
  const plan = `${EXAMPLES}plan-1565-KH-SLDTBXH.yaml`;
  await importOrg(prisma, parseYaml(org, await readText(org), OrgFileSchema), { actor });
  await importPlan(prisma, parseYaml(plan, await readText(plan), PlanFileSchema), { actor });
  const demo = await loadDemoProgress(prisma);
  return { org, plan, ...demo };
}
