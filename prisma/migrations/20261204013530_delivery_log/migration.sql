-- CreateTable
CREATE TABLE "RejectedDeliveryCount" (
    "source" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RejectedDeliveryCount_pkey" PRIMARY KEY ("source","outcome","hour")
);
