TO am_app_reader, am_app_writer
