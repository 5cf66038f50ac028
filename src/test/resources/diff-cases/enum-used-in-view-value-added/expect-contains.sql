ADD VALUE 'ok' BEFORE 'happy'
