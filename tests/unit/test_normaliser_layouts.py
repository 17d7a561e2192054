"""Pages laid out the way different kinds of outlets lay them out (texts written for these tests)."""
# ruff: noqa: E501  (the page fixtures keep one paragraph per line, as copied pages do)

from __future__ import annotations

import pytest

from schemas.models import NormalisedArticle, RawArticle
from services.normaliser.process import normalise

AP_LIKE = """\
Advertisement

Kenya's parliament approves police deployment to Haiti
By JOHN ROE
Updated 8:42 PM GMT+3, November 16, 2023

NAIROBI, Kenya (AP) — Kenya's parliament on Thursday approved the deployment of 1,000 police officers to lead a multinational force in Haiti, despite a court challenge by opposition politicians.

Lawmakers voted 184 to 77 in favour of the motion after a debate that lasted most of the day.

The opposition leader said the deployment was unconstitutional and that Kenya had enough security problems of its own.

Associated Press writers Mary Smith in Port-au-Prince, Haiti, and Tom Brown in New York contributed to this report.

Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
"""

BBC_LIKE = """\
Skip to content
British Broadcasting Corporation
Home
News
Sport

Chile and Peru reopen border after migration row

6 December 2016

Share
Save

Jane Doe
South America correspondent

Image source, Getty Images
Image caption, Trucks queue at the Chacalluta crossing near Arica

The foreign ministers of Chile and Peru have agreed to reopen their shared border crossings, which were closed during a row over migration last year.

Officials said lorries carrying fruit and copper would be the first to cross when the checkpoints reopen next week.

"Neighbours settle their differences by talking," the Chilean minister said at a news conference in Lima.

Her Peruvian counterpart said a joint commission would monitor migration and trade.

Related topics
Chile
Peru

More on this story
Why migrants are stuck at the Chile-Peru border
Published 3 days ago
"""

CNN_LIKE = """\
Japan and South Korea agree to restore trade ties
By Min Lee, CNN
Updated 1:52 PM ET, Tue March 7, 2023
Tokyo (CNN) Japan and South Korea agreed on Tuesday to lift trade restrictions imposed during a dispute over wartime labour, officials in both capitals said.
The deal ends four years of tension between the two neighbours, both close allies of the United States.
South Korea's president called the agreement "a new beginning" for relations with Tokyo.
Japan's trade ministry said export controls on chemicals used to make semiconductors would be removed next month.
CNN's Jane Roe contributed to this report.
Sign up for our daily newsletter
"""

FRANCE24_LIKE = """\
Africa
Niger junta expels French ambassador
Issued on: 06/09/2023 - 14:02 Modified: 06/09/2023 - 16:10
3 min
Niger's military rulers on Wednesday ordered the French ambassador to leave the country within 48 hours, escalating a diplomatic row with Paris.
The foreign ministry said the ambassador had refused an invitation to meet officials and that his presence was now contrary to the interests of Niger.
France said it did not recognise the authority of the junta to expel its envoy. © France 24
Text by: NEWS WIRES
Advertising
Read more
"""

GUARDIAN_LIKE = """\
Farmers block motorways across southern France in protest at prices

Police say 2,000 tractors took part as unions demand written guarantees from government

Farmers block the A9 near Montpellier on Monday. Photograph: Pascal Guyot/AFP/Getty Images

Kim Willsher in Paris
Mon 5 Feb 2024 14.02 GMT
First published on Mon 5 Feb 2024 09.15 GMT

Farmers in the south of France blocked motorways with tractors on Monday to protest against falling prices and new environmental rules.

Police said about 2,000 vehicles took part in the protests, which caused long queues near Toulouse and Montpellier.

The agriculture minister promised to meet union leaders later in the week and said the government was ready to simplify some regulations.

Union leaders said they would continue the blockades until they received written guarantees.

Explore more on these topics
France
Europe
Farming
Protest
news

Share

Reuse this content
"""

REUTERS_LIKE = """\
World
Ukraine and Poland agree grain transit deal after months of dispute
By Pawel Nowak and Olena Kyiv
March 4, 2024 5:12 PM GMT+1 Updated 2 hours ago

WARSAW, March 4 (Reuters) - Poland and Ukraine agreed on Monday to resume the transit of Ukrainian grain through Polish ports, ending a dispute that had led Polish farmers to block border crossings for weeks.

The agreement, signed by the two agriculture ministers in Warsaw, sets quotas for wheat and maize and creates a licensing system for exporters.

"This is a fair solution for farmers on both sides," the Polish minister told reporters after the signing.

Ukrainian officials said the first trains would cross the border within days.

Reporting by Pawel Nowak in Warsaw and Olena Kyiv in Kyiv; Editing by Jane Roe

Our Standards: The Thomson Reuters Trust Principles.
"""

WRAPPED = """\
BRUSSELS TIMES

EU leaders agree to open membership talks with Moldova

By Ana Pop | 15 December 2023

European Union leaders agreed on Thursday to open membership talks with
Moldova and Ukraine, a decision that officials described as historic for
both countries.

The decision was taken at a summit in Brussels after one leader left the
room during the vote, allowing the others to reach the unanimity the
bloc's rules require.

"This is a clear signal of hope," the president of the European Council
said after the meeting.

Follow Ana on X @anapop
"""

AGGREGATOR_LIKE = """\
News|Conflict

Security Council fails to agree on Sahel truce as Russia objects

Moscow says text ignores the role of foreign fighters while Western members accuse it of shielding allies.

Delegates at the UN Security Council in New York [File: Mike Segar/Reuters]
Delegates at the UN Security Council in New York [File: Mike Segar/Reuters]

Published On 12 Apr 2024
12 Apr 2024

Click here to share on social media

share2

The UN Security Council has failed to adopt a resolution calling for a ceasefire in the central Sahel after Russia voted against the text drafted by France and Ghana.

Twelve members voted in favour on Friday, while China and Mozambique abstained.

"This veto is a message to the armed groups that they can continue," Ghana's ambassador told the council.

Russia's envoy said the draft "does not reflect the reality on the ground" and accused Western states of seeking to return to the region.

Advertisement

The fighting has displaced more than two million people across Burkina Faso, Mali and Niger, according to the UN refugee agency.

Source: Al Jazeera and news agencies
"""

STATE_TV_LIKE = """\
Sunday, 14 April 2024 3:45 PM  [ Last Update: Sunday, 14 April 2024 4:31 PM ]

Iran condemns strike on consulate as violation of international law

A view of the damaged building in the capital. (Photo by AFP)

Iran's Foreign Ministry has condemned an air strike on its consulate, calling it a flagrant violation of international law and the Vienna Convention.

Ministry spokesman Nasser Karimi said the Islamic Republic reserved the right to respond at a time of its choosing.

"The international community must not remain silent in the face of this crime," he said in a statement.

The UN secretary general's spokesman said the inviolability of diplomatic premises must be respected in all cases.

Press TV's website can also be accessed at the following alternate addresses:
www.presstv.ir
www.presstv.co.uk
"""

UN_NEWS_LIKE = """\
UN News
Global perspective Human stories

Deadly attacks on aid workers in Sudan must stop, says UN relief chief

© UNICEF/Mohamed Zakaria
A displaced family rests in a camp in Darfur, Sudan.

15 March 2024
Peace and Security

The UN's top humanitarian official on Friday called for an end to attacks on aid workers in Sudan, after three staff members of a partner organization were killed in North Darfur this week.

"Humanitarian workers are not a target. Those responsible must be held accountable," the Under-Secretary-General said in a statement.

At least 20 aid workers have been killed since the war began in April last year, according to the UN.

Download the UN News app for your iOS or Android devices.

Aid workers
Sudan
"""

MISC_WIRE = """\
Menu

Ceasefire talks resume in Doha as mediators push for prisoner swap

By Omar Khalil
Monday 5 December 2016 15.01 GMT Last modified on Wednesday 7 December 2016 11.40 GMT

FILE - Delegates arrive for talks at a hotel in Doha, Qatar, Nov. 30, 2016. (AP Photo/Hussein Sayed, File)

Mediators from Qatar and Egypt resumed talks in Doha on Monday aimed at a ceasefire and an exchange of prisoners, diplomats said.

REUTERS/Ibraheem Abu Mustafa
Negotiators walk to the meeting room in Doha

The talks had been suspended for two weeks after a dispute over the list of detainees to be released.

We are encouraged by the return of both delegations to the table. Every day without a deal costs lives. pic.twitter.com/AbCdEf123
— Qatar Foreign Ministry (@QatarMFA) December 5, 2016

"Both sides have shown flexibility," a diplomat familiar with the talks told reporters.

1 / 12

Scroll to continue reading

The mediators hope to announce a first exchange before the end of the week.

Omar Khalil is a Doha-based journalist covering the Gulf and the wider Middle East.
"""


def norm(body: str) -> NormalisedArticle:
    return normalise(RawArticle(body=body), "layout")


def lines_of(art: NormalisedArticle) -> set[str]:
    return set(art.text.split("\n\n"))


# (page, title, published, sentences that must survive, lines that must go)
CASES = [
    (AP_LIKE, "Kenya's parliament approves police deployment to Haiti", "2023-11-16",
     ["Lawmakers voted 184 to 77 in favour of the motion after a debate that lasted most of the day."],
     ["Advertisement", "By JOHN ROE", "contributed to this report", "All rights reserved"]),
    (BBC_LIKE, "Chile and Peru reopen border after migration row", "2016-12-06",
     ['"Neighbours settle their differences by talking," the Chilean minister said at a news conference in Lima.'],
     ["Image source, Getty Images", "Image caption", "Related topics", "More on this story", "Share",
      "Why migrants are stuck"]),
    (CNN_LIKE, "Japan and South Korea agree to restore trade ties", "2023-03-07",
     ['South Korea\'s president called the agreement "a new beginning" for relations with Tokyo.'],
     ["By Min Lee, CNN", "contributed to this report", "Sign up for our daily newsletter"]),
    (FRANCE24_LIKE, "Niger junta expels French ambassador", "2023-09-06",
     ["France said it did not recognise the authority of the junta to expel its envoy."],
     ["© France 24", "Text by: NEWS WIRES", "Advertising", "Issued on"]),
    (GUARDIAN_LIKE, "Farmers block motorways across southern France in protest at prices", "2024-02-05",
     ["Union leaders said they would continue the blockades until they received written guarantees."],
     ["Photograph: Pascal Guyot", "Explore more on these topics", "Reuse this content", "Kim Willsher in Paris"]),
    (REUTERS_LIKE, "Ukraine and Poland agree grain transit deal after months of dispute", "2024-03-04",
     ["Ukrainian officials said the first trains would cross the border within days."],
     ["Reporting by", "Trust Principles", "By Pawel Nowak"]),
    (MISC_WIRE, "Ceasefire talks resume in Doha as mediators push for prisoner swap", "2016-12-05",
     ["The talks had been suspended for two weeks after a dispute over the list of detainees to be released.",
      "The mediators hope to announce a first exchange before the end of the week."],
     ["FILE - Delegates", "REUTERS/", "Negotiators walk", "pic.twitter.com", "@QatarMFA", "1 / 12",
      "Scroll to continue", "Doha-based journalist"]),
    (AGGREGATOR_LIKE, "Security Council fails to agree on Sahel truce as Russia objects", "2024-04-12",
     ["Twelve members voted in favour on Friday, while China and Mozambique abstained."],
     ["Mike Segar/Reuters", "Click here to share", "share2", "Advertisement", "Source: Al Jazeera"]),
    (STATE_TV_LIKE, "Iran condemns strike on consulate as violation of international law", "2024-04-14",
     ["The UN secretary general's spokesman said the inviolability of diplomatic premises must be respected in all "
      "cases."],
     ["Photo by AFP", "alternate addresses", "www.presstv"]),
    (UN_NEWS_LIKE, "Deadly attacks on aid workers in Sudan must stop, says UN relief chief", "2024-03-15",
     ["At least 20 aid workers have been killed since the war began in April last year, according to the UN."],
     ["Global perspective", "UNICEF/Mohamed Zakaria", "A displaced family rests", "Download the UN News app"]),
    (WRAPPED, "EU leaders agree to open membership talks with Moldova", "2023-12-15",
     ["European Union leaders agreed on Thursday to open membership talks with Moldova and Ukraine, a decision "
      "that officials described as historic for both countries."],
     ["Follow Ana on X", "By Ana Pop"]),
]


@pytest.mark.parametrize(("body", "title", "published", "keep", "drop"), CASES)
def test_layouts(body: str, title: str, published: str, keep: list[str], drop: list[str]) -> None:
    art = norm(body)
    assert art.title == title
    assert art.published_at is not None and art.published_at[:10] == published
    for sentence in keep:
        assert sentence in art.text
    for junk in drop:
        assert junk not in art.text


def test_guardian_like_prefers_first_published_time() -> None:
    assert norm(GUARDIAN_LIKE).published_at == "2024-02-05T09:15:00"


def test_pm_time_and_slashed_day_first_dates() -> None:
    assert norm(REUTERS_LIKE).published_at == "2024-03-04T17:12:00"
    assert norm(FRANCE24_LIKE).published_at == "2023-09-06T14:02:00"


PARAS = [
    "The defence ministers of Norway and Finland met in Oslo on Friday to discuss joint air patrols over the "
    "Arctic, officials said.",
    "The two countries have shared radar data since last year and plan to hold a first joint exercise in the "
    "spring.",
    "Finland's minister said the patrols would not be aimed at any third country and would follow international "
    "law.",
]
HEAD = "Norway and Finland plan joint Arctic air patrols"


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_list_introduced_by_the_article_is_kept() -> None:
    art = norm(page(HEAD, PARAS[0], "The ministers agreed on three steps:",
                    "- shared radar coverage\n- a joint command post\n- exchanges of pilots", *PARAS[1:]))
    for item in ("- shared radar coverage", "- a joint command post", "- exchanges of pilots"):
        assert item in lines_of(art)


def test_list_of_related_links_is_removed() -> None:
    art = norm(page(HEAD, PARAS[0], "Related",
                    "Sweden joins Nato exercise in the north\nBaltic states buy new air defence systems",
                    *PARAS[1:]))
    assert "Sweden joins Nato exercise" not in art.text and "Baltic states buy" not in art.text
    for p in PARAS:
        assert p in art.text


def test_doubled_paragraph_with_speech_keeps_one_copy() -> None:
    quote = '"We will patrol together, but we threaten no one," the Norwegian minister told reporters in Oslo.'
    art = norm(page(HEAD, PARAS[0], f"{quote}\n{quote}", *PARAS[1:]))
    assert art.text.count(quote) == 1
    assert quote not in art.captions


def test_last_paragraph_addressing_readers_in_reported_speech_is_kept() -> None:
    last = "Police urged residents who saw the aircraft to contact them if you noticed anything unusual."
    art = norm(page(HEAD, *PARAS, last))
    assert last in art.text


def test_agency_line_inside_article_credits_the_picture_above() -> None:
    cap = "Fighter jets fly in formation over the Barents Sea"
    art = norm(page(HEAD, PARAS[0], cap, "Reuters", *PARAS[1:]))
    assert cap in art.captions and "Reuters" not in lines_of(art)
    for p in PARAS:
        assert p in art.text


def test_long_paragraph_that_lost_its_full_stop_is_kept() -> None:
    para = ("The ministers also discussed the purchase of new tanker aircraft. Both governments have set aside money "
            "for the project in their budgets for next year")
    art = norm(page(HEAD, PARAS[0], para, *PARAS[1:]))
    assert para in art.text


def test_url_line_is_navigation() -> None:
    art = norm(page(HEAD, *PARAS, "https://news.example.com/2024/03/01/arctic-patrols"))
    assert "https://" not in art.text and art.published_at is None


def test_article_ending_with_a_list_it_introduces_keeps_the_list() -> None:
    art = norm(page(HEAD, *PARAS, "The ministers agreed on three steps:",
                    "- shared radar coverage\n- a joint command post\n- exchanges of pilots"))
    assert "The ministers agreed on three steps:" in art.text
    for item in ("- shared radar coverage", "- a joint command post", "- exchanges of pilots"):
        assert item in lines_of(art)
