CREATE TABLE "Tenant" (
    "region" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("region","code")
);

CREATE TABLE "Site" (
    "id" INTEGER NOT NULL,
    "tenantRegion" TEXT NOT NULL,
    "tenantCode" TEXT NOT NULL,
    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Site" ADD CONSTRAINT "Site_tenantRegion_tenantCode_fkey" FOREIGN KEY ("tenantRegion", "tenantCode") REFERENCES "Tenant"("region", "code") ON DELETE RESTRICT ON UPDATE CASCADE;
