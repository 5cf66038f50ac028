ADD VALUE 'trial' BEFORE 'free'
