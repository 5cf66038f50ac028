ALTER COLUMN timeout DROP DEFAULT
USING make_interval(secs => timeout)
