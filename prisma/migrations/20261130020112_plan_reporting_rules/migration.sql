-- CreateEnum
CREATE TYPE "PeriodMode" AS ENUM ('WINDOW', 'CALENDAR');

-- CreateEnum
CREATE TYPE "ObjectiveMeasure" AS ENUM ('COMPLETION', 'ON_TIME_COMPLETION');

-- AlterTable
ALTER TABLE "Objective" ADD COLUMN     "measure" "ObjectiveMeasure";

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "minCoverageDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "officeDueDay" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "reportingPeriods" "PeriodMode" NOT NULL DEFAULT 'WINDOW',
ADD COLUMN     "superior" TEXT NOT NULL DEFAULT 'UBND tỉnh (qua Sở Nội vụ)',
ADD COLUMN     "unitsDueDay" INTEGER NOT NULL DEFAULT 10;

