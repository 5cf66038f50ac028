DROP CONSTRAINT memberships_pkey
PRIMARY KEY (group_id, user_id)
