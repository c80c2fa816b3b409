-- CreateEnum
CREATE TYPE "ConfirmationState" AS ENUM ('NOT_NEEDED', 'PENDING', 'CONFIRMED', 'CORRECTED');

-- CreateEnum
CREATE TYPE "ObstacleState" AS ENUM ('OPEN', 'DIRECTED', 'RESOLVED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ExtensionState" AS ENUM ('PENDING', 'APPROVED', 'DECLINED');

-- AlterTable
ALTER TABLE "Obstacle" ADD COLUMN     "closeKey" TEXT,
ADD COLUMN     "directedAt" TIMESTAMP(3),
ADD COLUMN     "directedBy" TEXT,
ADD COLUMN     "direction" TEXT,
ADD COLUMN     "directionKey" TEXT,
ADD COLUMN     "noticeChannel" TEXT,
ADD COLUMN     "noticeTs" TEXT,
ADD COLUMN     "state" "ObstacleState" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "confirmation" "ConfirmationState" NOT NULL DEFAULT 'NOT_NEEDED',
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedBy" TEXT,
ADD COLUMN     "correctsId" INTEGER;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "dueMovedOn" DATE,
ADD COLUMN     "originalDueOn" DATE;

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "fromDueOn" DATE NOT NULL,
    "toDueOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "ExtensionState" NOT NULL DEFAULT 'PENDING',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "requestKey" TEXT,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineExtension_requestKey_key" ON "DeadlineExtension"("requestKey");

-- CreateIndex
CREATE INDEX "DeadlineExtension_state_requestedAt_idx" ON "DeadlineExtension"("state", "requestedAt");

-- CreateIndex
CREATE INDEX "DeadlineExtension_taskId_idx" ON "DeadlineExtension"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "Obstacle_directionKey_key" ON "Obstacle"("directionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Obstacle_closeKey_key" ON "Obstacle"("closeKey");

-- CreateIndex
CREATE INDEX "ProgressReport_confirmation_unitId_idx" ON "ProgressReport"("confirmation", "unitId");

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "ProgressReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Obstacles closed before obstacles had a life were resolved.
UPDATE "Obstacle" SET "state" = 'RESOLVED' WHERE "resolvedAt" IS NOT NULL;
