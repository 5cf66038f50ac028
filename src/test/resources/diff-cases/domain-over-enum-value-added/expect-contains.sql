ADD VALUE 'warn'
