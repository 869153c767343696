-- AlterTable
ALTER TABLE "Rca" ADD COLUMN     "matchedClassId" TEXT,
ADD COLUMN     "method" TEXT;
