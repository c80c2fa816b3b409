-- AlterTable
ALTER TABLE "ConsolidatedReport" ADD COLUMN     "deliveryAttemptAt" TIMESTAMP(3);

