-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "firstAttemptAt" TIMESTAMP(3);

