ADD VALUE 'in_progress'
