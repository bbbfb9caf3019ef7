"""Where the article starts and ends on real pages: the crawler's line glued
to the first text, teasers and walls after the last paragraph."""
import newsclean
from test_extract import ARTICLE


def test_first_paragraph_glued_to_the_crawler_date_stays_in_the_body():
    dump = "\n".join([f" date 2026-02-20 {ARTICLE[0]}", *ARTICLE[1:]])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)
    assert record.published == "2026-02-20"


def test_menu_glued_to_the_crawler_date_stays_out_of_the_body():
    dump = "\n".join([" date 2026-02-20 Начало Новини Спорт Култура Видео", *ARTICLE])
    record = newsclean.extract(dump)
    assert record.body == "\n\n".join(ARTICLE)
    assert record.published == "2026-02-20"
