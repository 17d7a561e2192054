"""Random pages assembled from pools of article sentences and page furniture (written for these tests).

Whatever the arrangement, every article sentence must survive whole, every junk line must go and the
headline must be found.
"""
# ruff: noqa: E501  (pool entries are one paragraph per line)

from __future__ import annotations

import random

import pytest

from schemas.models import RawArticle
from services.normaliser.process import normalise

BODY = [
 "The foreign ministers of Chile and Peru signed an agreement on Tuesday to reopen their shared border crossings, officials said.",
 "Officials said trucks carrying fruit and copper would be the first to pass when the crossings reopen next week.",
 '"Neighbours can settle their differences through dialogue," the Chilean minister told reporters in Lima.',
 "Her Peruvian counterpart said both countries would set up a joint commission to monitor migration and trade.",
 "Business groups in the border regions welcomed the agreement.",
 "Human rights groups urged both governments to protect the rights of migrants stranded near the frontier.",
 "The agreement must still be approved by the congresses of both countries, which are expected to vote on it before the end of the month.",
 "At least 300 migrants have been camped near the crossing since January, according to the UN refugee agency.",
 '"We have waited too long," said one woman, who gave her name only as Rosa. "My children need to go to school."',
 "The dispute began last year when Chile closed the crossings after a surge in irregular arrivals.",
 "Analysts said the deal could improve relations that have been strained since a row over fishing rights.",
 "Peru's president is expected to visit Santiago in May.",
]
TITLES = ["Chile and Peru agree to reopen border crossings", "Border deal ends months of dispute between Chile and Peru",
          "Chile, Peru Sign Deal To Reopen Frontier After Migration Row"]
TOP = ["Skip to main content", "Accessibility links", "Menu", "World", "Americas", "Breaking News", "Sign in", "1. Skip to content",
       "Search", "Latin America"]
AFTER_TITLE = ["By Maria Lopez", "By Maria Lopez, Reuters", "Published 6 March 2024", "March 6, 2024", "06.03.2024", "update",
               "Updated 6 Mar 2024 14:02 GMT", "Share", "Listen to this article"]
CAPTIONS = [["Migrants wait at the border crossing near Tacna on 4 March (AFP)"],
            ["Trucks queue at the border, March 5, 2024.", "Trucks queue at the border, March 5, 2024."],
            ["A migrant family rests near the border fence", "Image: Juan Perez/Reuters"],
            ["Photo by: AP", "Migrants queue for food at a shelter in Arica."],
            ["Chile's Foreign Minister speaks to reporters after signing the agreement with her Peruvian counterpart in Lima, Peru, March 5, 2024"],
            ["Getty Images"], ["Advertisement"], ["Read more: Why migrants are stuck at the border"],
            ["Share this article"],
            ["'Neighbours can settle their differences through dialogue'", "- Ana Reyes, Chilean foreign minister"],
            ["Soldiers patrol the border near Tacna", "Reuters"],
            ["Migrants wait outside a shelter in Arica", "Getty Images"],
            ["Police officers stand guard at the crossing. (Photo: Carla Diaz/EFE)"],
            ["Trucks wait to cross into Peru", "Photo: Reuters/Luis Soto"]]
HEADINGS = ["What the deal says", "Migrants left waiting", "A long dispute", "Next steps?"]
BOTTOM = ["If you have been affected by these events, our team can help you find legal advice.",
          "Need legal help?", "Follow us on X and Facebook","ml/jr (Reuters, AFP)", "Reuters and agencies", "Skip next block More stories", "More stories",
          "The Andes Herald is an independent newspaper. All rights reserved.", "XS", "SM",
          "Sign up for our newsletter to get the top stories in your inbox.", "Most read", "Privacy policy",
          "Want to know more?", "Copyright 2024 Andes Herald. All rights reserved.", "Topics: Chile, Peru, migration"]


def assemble(seed: int) -> tuple[str, str, list[str], list[str]]:
    rng = random.Random(seed)
    lines = rng.sample(TOP, rng.randint(0, 4))
    junk = list(lines)
    title = rng.choice(TITLES)
    lines.append(title)
    extra = rng.sample(AFTER_TITLE, rng.randint(0, 2))
    lines += extra
    junk += extra
    body = rng.sample(BODY, rng.randint(5, len(BODY)))
    for i, paragraph in enumerate(body):
        lines.append(paragraph)
        if i < len(body) - 1 and rng.random() < 0.3:
            block = rng.choice(CAPTIONS)
            if block[0].startswith("'") and not any("Neighbours can settle" in b for b in body):
                continue  # a pull quote only repeats a quote the article has
            lines.append("\n".join(block))
            junk += block
        elif 0 < i < len(body) - 1 and rng.random() < 0.15:
            lines.append(rng.choice(HEADINGS))
    bottom = rng.sample(BOTTOM, rng.randint(0, 5))
    lines += bottom
    junk += bottom
    return "\n\n".join(lines), title, body, junk


@pytest.mark.parametrize("seed", range(150))
def test_random_page(seed: int) -> None:
    page, title, body, junk = assemble(seed)
    art = normalise(RawArticle(body=page), f"fuzz-{seed}")
    kept_lines = set(art.text.split("\n\n"))
    assert [b for b in body if b not in art.text] == []
    assert [j for j in junk if j in kept_lines] == []
    assert art.title == title
