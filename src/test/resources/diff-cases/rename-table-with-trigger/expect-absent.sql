DROP TRIGGER docs_touch ON public.documents;
DROP TRIGGER docs_touch ON public.docs;
