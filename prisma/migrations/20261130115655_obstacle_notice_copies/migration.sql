-- CreateTable
CREATE TABLE "ObstacleNotice" (
    "id" SERIAL NOT NULL,
    "obstacleId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "ts" TEXT NOT NULL,

    CONSTRAINT "ObstacleNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ObstacleNotice_obstacleId_channel_ts_key" ON "ObstacleNotice"("obstacleId", "channel", "ts");

-- AddForeignKey
ALTER TABLE "ObstacleNotice" ADD CONSTRAINT "ObstacleNotice_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

