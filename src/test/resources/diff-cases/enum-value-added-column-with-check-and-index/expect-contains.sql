ADD VALUE 'sat';
