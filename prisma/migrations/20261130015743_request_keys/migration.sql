-- AlterTable
ALTER TABLE "Obstacle" ADD COLUMN     "requestKey" TEXT;

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Obstacle_requestKey_key" ON "Obstacle"("requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_requestKey_key" ON "ProgressReport"("requestKey");

