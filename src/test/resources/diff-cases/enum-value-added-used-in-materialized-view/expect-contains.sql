ADD VALUE 'shipped' BEFORE 'delivered'
