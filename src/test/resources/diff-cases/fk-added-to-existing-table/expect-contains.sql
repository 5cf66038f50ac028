ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY
