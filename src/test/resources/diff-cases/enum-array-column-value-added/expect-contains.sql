ADD VALUE 'blue';
