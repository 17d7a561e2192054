"""The paragraph classifier on pages written for these tests (one junk class per test)."""

from __future__ import annotations

import pytest

from schemas.models import NormalisedArticle, RawArticle
from services.normaliser.process import normalise

BODY = [
    "Ministers from twelve countries met in Lisbon on Thursday to discuss a plan for a maritime truce in the Gulf "
    "of Aden, officials said.",
    "The talks, hosted by Portugal, ended without an agreement after two delegations walked out of the final "
    "session.",
    '"We came here to stop the attacks on shipping, not to exchange accusations," the Portuguese foreign minister, '
    "Rui Almeida, told reporters.",
    "Delegates said a second round could take place in Nairobi next month if the parties accept a draft text "
    "circulated by the hosts.",
    "Shipping companies have rerouted dozens of vessels since January, adding weeks to journeys between Asia and "
    "Europe.",
]
TITLE = "Lisbon talks on Red Sea shipping truce end without deal"


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def run(body: str) -> tuple[str, list[tuple[str, str]], NormalisedArticle]:
    art = normalise(RawArticle(body=body), "t1")
    return art.text, [(r.kind, r.text) for r in art.removed], art


def assert_body_whole(text: str) -> None:
    for sentence in BODY:
        assert sentence in text


def test_plain_article_keeps_every_sentence_and_finds_title() -> None:
    text, removed, art = run(page(TITLE, *BODY))
    assert_body_whole(text)
    assert art.title == TITLE
    assert TITLE not in text
    assert removed == [("title", TITLE)]


@pytest.mark.parametrize("line", [
    "Skip to main content", "1. Skip to content", "Accessibility links", "Jump to navigation", "Menu", "Share",
    "Share this article", "Sign in", "Advertisement", "Most read", "3 min read",
])
def test_navigation_lines_are_removed(line: str) -> None:
    text, removed, _ = run(page(line, TITLE, *BODY[:3], line, *BODY[3:]))
    assert_body_whole(text)
    assert line not in text.split("\n\n")
    assert ("navigation", line) in removed


def test_font_size_controls_at_the_foot() -> None:
    text, removed, _ = run(page(TITLE, *BODY) + "\n\nXS\nSM\nMD\nLG")
    assert_body_whole(text)
    assert {"XS", "SM", "MD", "LG"} <= {t for _, t in removed}


@pytest.mark.parametrize("label", ["Politics", "Breaking News", "update", "World", "Middle East"])
def test_section_labels_before_the_headline(label: str) -> None:
    text, removed, art = run(page(label, TITLE, *BODY))
    assert art.title == TITLE
    assert label not in text
    assert ("section_label", label) in removed


def test_caption_with_agency_credit_in_parentheses() -> None:
    cap = "Delegates leave the conference hall in Lisbon on 6 March (Reuters)"
    text, removed, art = run(page(TITLE, BODY[0], cap, *BODY[1:]))
    assert_body_whole(text)
    assert cap not in text
    assert art.captions == [cap]
    assert ("caption", cap) in removed


def test_doubled_caption_is_removed_once_as_caption() -> None:
    cap = "A container ship waits at anchor off the coast of Djibouti, March 5, 2025."
    text, removed, art = run(page(TITLE, BODY[0], f"{cap}\n{cap}", *BODY[1:]))
    assert_body_whole(text)
    assert cap not in text
    assert ("caption", cap) in removed and ("duplicate_line", cap) in removed
    assert art.captions == [cap]


@pytest.mark.parametrize("credit", [
    "Photo by: AP", "Image: picture-alliance/dpa/J. Muster", "Photo: Reuters/Jane Roe", "Getty Images",
    "AFP via Getty Images", "© EPA-EFE/Carlos Luz",
])
def test_photo_credit_and_its_caption(credit: str) -> None:
    cap = "Ministers pose for a group photo in Lisbon"
    text, removed, art = run(page(TITLE, BODY[0], cap, credit, *BODY[1:]))
    assert_body_whole(text)
    assert credit not in text and cap not in text
    assert ("credit", credit) in removed
    assert cap in art.captions


def test_caption_after_credit_line() -> None:
    cap = "Sailors watch from the deck of a navy frigate."
    text, _, art = run(page(TITLE, BODY[0], "Photo by: AP", cap, *BODY[1:]))
    assert_body_whole(text)
    assert cap not in text and cap in art.captions


def test_long_unterminated_caption_line() -> None:
    cap = ("Portugal's Foreign Minister Rui Almeida speaks to the media after the closing session of the maritime "
           "talks at the Belem conference centre in Lisbon, Portugal, March 6, 2025")
    text, _, art = run(page(TITLE, *BODY[:2], cap, *BODY[2:]))
    assert_body_whole(text)
    assert cap in art.captions


def test_pull_quote_repeating_a_body_quote_with_attribution() -> None:
    pull = "'We came here to stop the attacks on shipping, not to exchange accusations'"
    who = "- Rui Almeida, Portuguese foreign minister"
    text, removed, _ = run(page(TITLE, *BODY[:4], pull, who, BODY[4]))
    assert_body_whole(text)
    assert ("pull_quote", pull) in removed and ("pull_quote", who) in removed


@pytest.mark.parametrize("line", [
    "jd/rc (Reuters, dpa)", "Lakeside Herald and agencies", "Staff and agencies", "By Jane Roe", "Reuters",
    "(AP, AFP)",
])
def test_bylines_and_agency_tags(line: str) -> None:
    text, removed, _ = run(page(TITLE, line, *BODY) if line.startswith("By") else page(TITLE, *BODY, line))
    assert_body_whole(text)
    assert line not in text
    assert ("byline", line) in removed


def test_promos_and_about_us_footer() -> None:
    about = ("The Harbour Times is an independent news organisation serving readers in more than 20 countries. "
             "All rights reserved.")
    promo = ("If you have been affected by the issues in this story, our advice line can help you find support. "
             "Contact us today.")
    text, removed, _ = run(page(TITLE, *BODY[:2], "Read more: Five things to know about the Red Sea crisis",
                                *BODY[2:], "Skip next block Explore more", "Looking for advice?", promo, about))
    assert_body_whole(text)
    for line in (about, promo, "Looking for advice?", "Read more: Five things to know about the Red Sea crisis"):
        assert line not in text
    kinds = dict((t, k) for k, t in removed)
    assert kinds[about] == "footer" and kinds[promo] in ("promo", "footer")


def test_section_heading_inside_the_article_stays_as_heading() -> None:
    text, _, art = run(page(TITLE, *BODY[:3], "Shipping reroutes", *BODY[3:]))
    assert_body_whole(text)
    heads = [text[p.start:p.end] for p in art.paragraphs if p.kind == "heading"]
    assert heads == ["Shipping reroutes"]


def test_standfirst_after_title_is_kept() -> None:
    stand = "Delegations from the region could not agree on who would monitor a halt to attacks on merchant ships"
    text, _, _ = run(page("Skip to main content", TITLE, stand, *BODY))
    assert stand in text
    assert_body_whole(text)


def test_typos_and_curly_quotes_are_left_alone() -> None:
    odd = "The goverrnment said it had “no comment” on the the talks, a spokesman said."
    text, _, _ = run(page(TITLE, *BODY[:2], odd, *BODY[2:]))
    assert odd in text


def test_paragraph_offsets_point_into_text() -> None:
    text, _, art = run(page("Menu", TITLE, *BODY, "XS"))
    paras = art.paragraphs
    assert [text[p.start:p.end] for p in paras] == text.split("\n\n")
    assert all(p.kind in ("body", "quote", "heading") for p in paras)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = ("Ministers from twelve countries met in Lisbon on Thursday to discuss a\n"
               "plan for a maritime truce in the Gulf of Aden, officials said, after weeks\n"
               "of attacks on merchant vessels in the region.")
    text, _, _ = run(page(TITLE, wrapped, *BODY[1:]))
    assert ("discuss a plan for a maritime truce in the Gulf of Aden, officials said, after weeks of attacks"
            in text)


def test_date_inside_a_sentence_is_not_the_publication_date() -> None:
    _, _, art = run(page(TITLE, "The talks began on 4 March 2025 in Lisbon, officials said.", *BODY))
    assert art.published_at is None


@pytest.mark.parametrize("sentence", [
    "Hezbollah is an Iran-backed militant organisation that fields thousands of fighters.",
    "The monitoring group is a Britain-based network of activists inside the country.",
    "The UN appealed to governments to donate $50 million for the relief effort.",
    "The minister addressed an audience of diplomats and students at the university.",
    "The minister wrote on X (@ForeignMinistry) that the talks had been useful.",
    "Video, posted online by activists, showed smoke rising over the port.",
    "The group's newsletter reported that six of its members had been detained.",
    "Countries that subscribe to the treaty must report their arms exports every year.",
    "Top officials from both sides are expected to meet again next week.",
    '"If you stay in the city, you will be treated as a fighter," the commander warned residents.',
    "14:02 The council session has been suspended for an hour, a spokesman said.",
    "Regions in the north were hit hardest by the fighting, aid workers said.",
    "Skip the formalities, the chair told delegates as the session opened.",
    "More from the minister's speech is expected to be published on Friday.",
    "Loading of the tankers resumed on Monday after a two-week halt.",
    "Country teams from the agency will return to the border next week.",
    "Topics for the next meeting include shipping insurance and naval escorts.",
])
def test_ordinary_sentences_are_kept_anywhere(sentence: str) -> None:
    for body in (page(TITLE, *BODY, sentence), page(TITLE, BODY[0], sentence, *BODY[1:])):
        text, _, _ = run(body)
        assert sentence in text
        assert_body_whole(text)


def test_menu_line_with_separators_is_not_the_headline() -> None:
    _, removed, art = run(page("Home | World | Africa | Opinion", TITLE, *BODY))
    assert art.title == TITLE
    assert ("navigation", "Home | World | Africa | Opinion") in removed


def test_related_story_questions_and_wire_credit_at_the_foot() -> None:
    text, removed, _ = run(page(TITLE, *BODY, "(Reporting by Lisbon bureau; editing by Ana Costa)", "Related stories",
                                "Who patrols the Gulf of Aden?", "Shipping insurers raise premiums again"))
    assert_body_whole(text)
    for line in ("Reporting by", "Related stories", "Who patrols", "Shipping insurers"):
        assert line not in text
    assert ("byline", "(Reporting by Lisbon bureau; editing by Ana Costa)") in removed


def test_page_title_with_outlet_suffix_gives_the_headline() -> None:
    _, _, art = run(page(f"{TITLE} | World news | The Harbour Times", *BODY))
    assert art.title == TITLE


@pytest.mark.parametrize("cap", [
    "Delegates vote at the end of the session, March 6, 2025. REUTERS/Jane Roe",
    "Ministers leave the hall after the talks (Screengrab)",
    "Ministers leave the hall after the talks. Credit...Jane Roe/Agence France-Presse — Getty Images",
    "Ministers leave the hall after the talks [Jane Roe/Al Jazeera]",
])
def test_more_inline_credit_styles(cap: str) -> None:
    text, _, art = run(page(TITLE, BODY[0], cap, *BODY[1:]))
    assert_body_whole(text)
    assert cap in art.captions


def test_outlet_name_line_above_the_headline_is_not_the_title() -> None:
    _, _, art = run(page("The Lisbon Evening Post", "Menu", TITLE, *BODY,
                         "The Lisbon Evening Post is an independent newspaper. All rights reserved."))
    assert art.title == TITLE


def test_outlet_given_as_source_is_not_the_title() -> None:
    raw = RawArticle(body=page("Harbour Daily News Online", TITLE, *BODY), source="Harbour Daily News Online")
    art = normalise(raw, "t2")
    assert art.title == TITLE


def test_indented_block_below_page_furniture_is_a_footer() -> None:
    blurb = "    The Lisbon Evening Post reaches readers in four countries with reporting from its own correspondents."
    text, _, _ = run(page(TITLE, *BODY, "  • Gallery", "    Lisbon Evening Post", blurb))
    assert_body_whole(text)
    assert "reaches readers" not in text


def test_stray_indent_on_the_last_paragraph_alone_keeps_it() -> None:
    last = "The next round of talks is planned for June in Nairobi, the hosts said."
    text, _, _ = run(page(TITLE, *BODY, "   " + last))
    assert last in text


def test_dates_of_related_stories_at_the_foot_are_not_the_publication_date() -> None:
    _, _, art = run(page(TITLE, *BODY, "Related stories", "Shipping insurers raise premiums", "3 March 2025"))
    assert art.published_at is None
    _, _, art = run(page(TITLE, *BODY, "Published on 6 March 2025", "Need advice?"))
    assert art.published_at == "2025-03-06"


@pytest.mark.parametrize("line", [
    "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.",
    "Please enable JavaScript to view the comments powered by our partner.",
    "Your browser does not support the video tag.",
    "You have reached your limit of free articles this month. Already a subscriber? Log in.",
])
def test_site_machinery_before_the_headline(line: str) -> None:
    text, removed, art = run(page(line, TITLE, *BODY))
    assert art.title == TITLE
    assert line not in text and ("boilerplate", line) in removed


def test_headline_with_a_full_stop_is_still_the_title() -> None:
    _, _, art = run(page("Menu", "Lisbon talks end without a deal.", *BODY))
    assert art.title == "Lisbon talks end without a deal."


def test_short_caption_without_credit_describing_a_picture() -> None:
    cap = "Container ships wait at anchor off the port of Djibouti"
    text, _, art = run(page(TITLE, *BODY[:2], cap, *BODY[2:]))
    assert cap in art.captions and cap not in text


def test_doubled_narrative_paragraph_keeps_one_copy() -> None:
    para = "The council had postponed the vote twice before the final session in Lisbon."
    text, _, art = run(page(TITLE, BODY[0], f"{para}\n{para}", *BODY[1:]))
    assert text.count(para) == 1 and para not in art.captions


def test_masthead_slogan_is_not_the_headline() -> None:
    _, _, art = run(page("Harbour Wire", "Global voices Local stories", TITLE, *BODY))
    assert art.title == TITLE
