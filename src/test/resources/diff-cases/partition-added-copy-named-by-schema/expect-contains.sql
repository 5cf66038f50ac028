ALTER INDEX public.visits_2026_page_idx RENAME TO visits_2026_by_page;
