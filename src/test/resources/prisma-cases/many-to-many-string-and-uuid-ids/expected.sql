CREATE TABLE "Student" (
    "id" TEXT NOT NULL,
    CONSTRAINT "Student_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Course" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "_CourseToStudent" (
    "A" UUID NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_CourseToStudent_AB_pkey" PRIMARY KEY ("A","B")
);

CREATE INDEX "_CourseToStudent_B_index" ON "_CourseToStudent"("B");

ALTER TABLE "_CourseToStudent" ADD CONSTRAINT "_CourseToStudent_A_fkey" FOREIGN KEY ("A") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "_CourseToStudent" ADD CONSTRAINT "_CourseToStudent_B_fkey" FOREIGN KEY ("B") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;
