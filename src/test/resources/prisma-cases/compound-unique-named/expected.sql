CREATE TABLE "Membership" (
    "id" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "membership_team_user" ON "Membership"("teamId", "userId");
