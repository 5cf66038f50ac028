DROP VIEW reporting.visit_pages;
CREATE OR REPLACE VIEW reporting.visit_pages
