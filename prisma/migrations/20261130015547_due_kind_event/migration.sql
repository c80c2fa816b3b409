-- AlterEnum
ALTER TYPE "DueKind" ADD VALUE 'EVENT';

