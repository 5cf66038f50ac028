CREATE TABLE "Employee" (
    "id" INTEGER NOT NULL,
    "managerId" INTEGER,
    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Employee" ADD CONSTRAINT "Employee_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
