TYPE timestamp with time zone
