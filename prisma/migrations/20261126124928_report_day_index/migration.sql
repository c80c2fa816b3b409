-- CreateIndex
CREATE INDEX "ProgressReport_taskId_reportedOn_idx" ON "ProgressReport"("taskId", "reportedOn");

