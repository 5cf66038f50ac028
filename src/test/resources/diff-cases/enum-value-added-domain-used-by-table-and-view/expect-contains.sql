ADD VALUE 'medium' BEFORE 'high'
