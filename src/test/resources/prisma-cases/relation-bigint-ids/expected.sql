CREATE TABLE "Org" (
    "id" BIGSERIAL NOT NULL,
    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Team" (
    "id" BIGSERIAL NOT NULL,
    "orgId" BIGINT NOT NULL,
    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Team_orgId_idx" ON "Team"("orgId");

ALTER TABLE "Team" ADD CONSTRAINT "Team_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;
