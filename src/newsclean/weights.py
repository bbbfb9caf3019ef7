"""The classifier's weights and thresholds, in one place.

    DEFAULT                   the numbers of ``data/weights.toml``
    replace(DEFAULT, title=-20.0)   another set, for a test or a tuning run

Every stage that weighs lines reads them from the ``Weights`` the page was
classified with (``classify(units, weights=...)``), the way jusText takes
its thresholds as keyword defaults.  Why each number is what it is stands
beside it in the data file.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from .tables import DataError, table

__all__ = ["DEFAULT", "Weights", "replace"]


@dataclass(frozen=True)
class Weights:
    prose_min_words: int
    prose_min_stop_ratio: float
    title_min_words: int
    title_max_words: int
    body_title: float
    body_byline: float
    body_unit_cost: float
    body_few_stopwords: float
    body_suspect_share: float
    body_list_item: float
    body_entry_max_words: int
    body_min_article: float
    body_pair_summary_max_words: int
    body_teaser_pairs: int
    body_pair_shared_names: int
    body_quoted_share: float
    body_teaser_discount: float
    body_related_discount: float
    body_inline_box_reach: int
    body_poll_reach: int
    body_closing_lines: int
    body_name_stem: int
    body_box_shared_stems: int
    teasers_min_pairs: int
    teasers_summary_max_words: int
    teasers_min_listed: int
    teasers_intro_max_words: int
    teasers_front_max_words: int
    teasers_min_posts: int
    listing_teaser_line_words: int
    listing_min_teaser_lines: int
    listing_teaser_line_share: float
    listing_heading_min_teasers: int
    captions_max_words: int
    captions_credited_max_words: int
    captions_bare_max_words: int
    captions_bare_min_words: int
    captions_headline_stem: int
    captions_credit_max_words: int
    captions_restating_max_words: int
    captions_restating_share: float
    captions_restating_min_stems: int
    captions_description_min_words: int
    captions_description_reach: int
    captions_heading_share: float
    captions_unstopped_min_words: int
    header_reach: int
    header_min_headline_words: int
    header_standfirst_min_words: int
    header_standfirst_prose_words: int
    header_caption_min_words: int
    header_breadcrumb_reach: int
    header_footer_reach: int
    header_above_reach: int
    header_untitled_reach: int
    template_article_prose_words: int
    headline_threshold: float
    headline_shared_share: float
    headline_no_shared: float
    headline_body_words: int
    headline_repeated: float
    headline_above_meta: float
    headline_below_meta: float
    headline_over_dek: float
    headline_dek: float
    headline_caption: float
    headline_over_caption: float
    headline_last_before_body: float
    headline_opens_page: float
    headline_far_after: int
    headline_far_per_unit: float
    headline_far_cap: float
    headline_labelled: float
    headline_over_menu: float
    headline_above_credit: float
    headline_full_stop: float
    headline_short_words: int
    headline_short: float
    headline_row_min_words: int
    headline_row_share: float
    headline_row: float
    headline_row_stop_share: float
    headline_row_share_alone: float
    headline_row_menu_words: int
    headline_row_sections_share: float
    headline_site_name_max_words: int
    headline_prose_max_words: int
    headline_ticker_figures: int


def _from_table() -> Weights:
    """The data file's sections flattened to ``section_name`` fields; an
    entry missing, unknown or of the wrong type is a DataError."""
    entries = table("weights").entries
    flat = {f"{section}_{name}": value for section, values in entries.items() for name, value in values.items()}
    wanted = {f.name: f.type for f in fields(Weights)}
    if flat.keys() != wanted.keys():
        raise DataError(f"data/weights.toml: entries differ from the Weights fields: "
                        f"{sorted(flat.keys() ^ wanted.keys())}")
    for name, kind in wanted.items():
        if not isinstance(flat[name], (int, float) if kind == "float" else int) or isinstance(flat[name], bool):
            raise DataError(f"data/weights.toml: {name} must be a {kind}")
    return Weights(**flat)


DEFAULT = _from_table()
