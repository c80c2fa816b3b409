// Finds a task by the code people type ("II.2.c.2", "ii2c2"), optionally
// prefixed by its plan ("1565:II.2.c.2"), or by id ("#42"). When a code
// exists in several plans, the most recent plan wins.
import type { PrismaClient } from "../db/database.js";
import type { Plan } from "../generated/prisma/client.js";
import { codeKey } from "../domain/text.js";
import { AppError } from "../errors.js";

export async function findTask(prisma: PrismaClient, ref: string) {
  const text = ref.trim();
  const byId = /^#(\d{1,9})$/.exec(text);
  if (byId) {
    const task = await prisma.task.findFirst({ where: { id: Number(byId[1]), archivedAt: null } });
    if (task) return task;
    throw new AppError("TASK_NOT_FOUND", { code: text });
  }
  const [planPart, codePart] = text.includes(":") ? text.split(":", 2) : [undefined, text];
  const task = await prisma.task.findFirst({
    where: {
      codeKey: codeKey(codePart!),
      archivedAt: null,
      ...(planPart ? { plan: { numberKey: { startsWith: codeKey(planPart) } } } : {}),
    },
    orderBy: [{ plan: { year: "desc" } }, { plan: { issuedOn: "desc" } }],
  });
  if (!task) throw new AppError("TASK_NOT_FOUND", { code: text });
  return task;
}

/** The plan people mean when they name none: the most recent. */
export async function currentPlan(prisma: PrismaClient): Promise<Plan> {
  // Raw, as `/kehoach tongquan` asks on every call: Prisma 6 compiles each
  // model query in WebAssembly, which cost more CPU than the read
  // (BENCHMARKS.md, "What a command costs"); test/services/hot-reads.test.ts
  // checks it returns what findFirst with the same order does.
  const [plan] = await prisma.$queryRaw<Plan[]>`SELECT * FROM "Plan" ORDER BY year DESC, "issuedOn" DESC LIMIT 1`;
  if (!plan) throw new AppError("NO_PLANS");
  return plan;
}
