-- CreateEnum
CREATE TYPE "PlanImportStatus" AS ENUM ('PREVIEW', 'PUBLISHED');

-- CreateTable
CREATE TABLE "PlanImport" (
    "id" SERIAL NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "model" JSONB NOT NULL,
    "corrections" JSONB NOT NULL DEFAULT '{}',
    "planNumber" TEXT NOT NULL,
    "status" "PlanImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "planId" INTEGER,
    "publishedBy" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAcknowledgement" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "requestKey" TEXT,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "PlanAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanImport_sourceKey_key" ON "PlanImport"("sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAcknowledgement_requestKey_key" ON "PlanAcknowledgement"("requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAcknowledgement_planId_unitId_key" ON "PlanAcknowledgement"("planId", "unitId");

-- AddForeignKey
ALTER TABLE "PlanImport" ADD CONSTRAINT "PlanImport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

