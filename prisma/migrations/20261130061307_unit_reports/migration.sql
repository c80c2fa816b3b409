-- CreateEnum
CREATE TYPE "UnitReportStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "ConsolidatedStatus" AS ENUM ('PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED');

-- CreateTable
CREATE TABLE "UnitReport" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "status" "UnitReportStatus" NOT NULL DEFAULT 'DRAFT',
    "results" TEXT NOT NULL DEFAULT '',
    "shortcomings" TEXT NOT NULL DEFAULT '',
    "proposals" TEXT NOT NULL DEFAULT '',
    "evidenceFiles" JSONB NOT NULL DEFAULT '[]',
    "preparedBy" TEXT,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMP(3),
    "requestKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsolidatedReport" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ConsolidatedStatus" NOT NULL DEFAULT 'PENDING_APPROVAL',
    "reportDate" DATE NOT NULL,
    "builtBy" TEXT NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "docxName" TEXT NOT NULL,
    "docx" TEXT NOT NULL,
    "xlsxName" TEXT NOT NULL,
    "xlsx" TEXT NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,
    "deliveredFiles" TEXT[],
    "deliveredAt" TIMESTAMP(3),
    "requestKey" TEXT,

    CONSTRAINT "ConsolidatedReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitReport_requestKey_key" ON "UnitReport"("requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "UnitReport_planId_unitId_period_key" ON "UnitReport"("planId", "unitId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ConsolidatedReport_requestKey_key" ON "ConsolidatedReport"("requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "ConsolidatedReport_planId_period_version_key" ON "ConsolidatedReport"("planId", "period", "version");

-- AddForeignKey
ALTER TABLE "UnitReport" ADD CONSTRAINT "UnitReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitReport" ADD CONSTRAINT "UnitReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsolidatedReport" ADD CONSTRAINT "ConsolidatedReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

