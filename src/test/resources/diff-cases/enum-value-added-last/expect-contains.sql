ADD VALUE 'delivered'
