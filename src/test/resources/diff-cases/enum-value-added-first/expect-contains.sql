ADD VALUE 'lowest' BEFORE 'low'
