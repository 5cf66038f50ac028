DROP RULE drafts_keep_body
