ADD VALUE 'medium' BEFORE 'large'
ADD VALUE 'green';
