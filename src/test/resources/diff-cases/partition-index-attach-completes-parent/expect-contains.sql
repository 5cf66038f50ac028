ALTER INDEX public.readings_taken_at_idx ATTACH PARTITION public.readings_2_taken;
