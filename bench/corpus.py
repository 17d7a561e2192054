"""A generated corpus of realistic news articles for the benchmark.

Every text comes from the templates and vocabulary below (the project's own
words, nothing copied from real pages). Each article is a plain-text page as a
user would paste it: navigation and section labels, a headline, a byline and
dateline, ~600 words of body with direct and reported quotes, a photo caption
with its credit, share/promo lines and a footer. Generation is deterministic
(seeded per article), and slots are filled every few words so no two articles
are near duplicates of each other.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

import orjson

_AN = re.compile(r"\b([Aa]) ([aeiou])")

FIRST = ("Amara", "Boris", "Chen", "Dalia", "Emil", "Farah", "Gustavo", "Hana", "Ivan", "Jana", "Kofi", "Leila",
         "Marek", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Ulla", "Viktor", "Wen", "Yusuf", "Zara",
         "Anders", "Beatriz", "Carlos", "Deniz", "Elena", "Faisal", "Greta", "Hassan", "Ines", "Jorge", "Katya",
         "Luis", "Mariam", "Nikolai", "Olga", "Pedro", "Rania", "Samir", "Tatiana", "Vera", "Walid", "Yara")
LAST = ("Petrov", "Okafor", "Lindqvist", "Haddad", "Moreno", "Kowalski", "Nakamura", "Osei", "Rahman", "Schulz",
        "Dubois", "Ferreira", "Ivanova", "Karimi", "Mendes", "Novak", "Papadopoulos", "Quispe", "Rossi", "Santos",
        "Tanaka", "Urquhart", "Varga", "Weber", "Yilmaz", "Zhou", "Abbasi", "Bergstrom", "Castillo", "Demir",
        "Eriksen", "Gallo", "Horvat", "Jensen", "Khalil", "Lombardi", "Mansour", "Nilsen", "Ortega", "Sokolov")
COUNTRIES = ("France", "Germany", "Russia", "China", "Brazil", "India", "Japan", "Kenya", "Nigeria", "Egypt",
             "Turkey", "Iran", "Mexico", "Canada", "Poland", "Ukraine", "Syria", "Jordan", "Spain", "Italy",
             "Norway", "Sweden", "Peru", "Chile", "Ghana", "Ethiopia", "Indonesia", "Vietnam", "Pakistan", "Qatar")
CITIES = ("Geneva", "Vienna", "Nairobi", "Cairo", "Ankara", "Warsaw", "Kyiv", "Madrid", "Lima", "Accra",
          "Jakarta", "Hanoi", "Doha", "Oslo", "Lagos", "Brasilia", "Ottawa", "Amman", "Rome", "Santiago")
ORGS = ("the United Nations", "the Security Council", "the European Union", "the African Union", "NATO",
        "the World Health Organization", "the International Monetary Fund", "the World Bank", "the Red Cross",
        "Amnesty International", "the Arab League", "the World Food Programme", "Human Rights Watch",
        "the International Atomic Energy Agency", "the Organization of American States")
ROLES = ("foreign minister", "defence minister", "prime minister", "president", "ambassador", "spokesperson",
         "envoy", "finance minister", "interior minister", "opposition leader", "army chief", "senior official")
OUTLETS = ("The Daily Ledger", "Northern Courier", "Global Wire Review", "Harbor Times", "Meridian Post",
           "Continental Herald", "Eastern Standard", "The Civic Observer")
AGENCIES = ("AFP", "Reuters", "AP", "EPA", "Getty Images", "Anadolu Agency", "Xinhua")
SECTIONS = ("World", "Politics", "Middle East", "Europe", "Africa", "Business", "Diplomacy", "Analysis")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOPICS = ("ceasefire", "trade agreement", "sanctions package", "aid corridor", "peace plan", "border deal",
          "nuclear accord", "election monitoring mission", "debt relief plan", "refugee resettlement scheme",
          "water sharing treaty", "arms embargo", "prisoner exchange", "climate financing deal")
VERBS_SUPPORT = ("welcomed", "backed", "endorsed", "praised", "supported", "signed")
VERBS_OPPOSE = ("rejected", "condemned", "criticised", "vetoed", "denounced", "blocked")
ADJ = ("fragile", "long-awaited", "controversial", "ambitious", "limited", "sweeping", "temporary", "binding",
       "disputed", "landmark", "modest", "unprecedented")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "dozens of", "hundreds of", "thousands of")
PLACES_KIND = ("province", "district", "region", "valley", "border town", "port city", "capital")
GROUPS = ("protesters", "farmers", "students", "civilians", "aid workers", "journalists", "soldiers", "refugees",
          "doctors", "teachers", "fishermen", "rebels")
ADVERBS = ("sharply", "quietly", "openly", "repeatedly", "cautiously", "firmly", "briefly", "strongly")
REASONS = ("it failed to address the root causes of the crisis", "the terms had been drafted without consultation",
           "it would reward aggression", "the timetable was unrealistic", "it ignored the humanitarian situation",
           "monitoring arrangements were too weak", "the text was one-sided", "it lacked any enforcement mechanism",
           "the funding was insufficient", "it undermined national sovereignty")
OUTCOMES = ("talks would resume next week", "a vote was expected within days", "more consultations were needed",
            "the delegation would return home", "a new draft was being prepared", "observers would be deployed",
            "the deadline had been extended", "an emergency session had been called")

BODY_TEMPLATES = (
    "{country} and {country2} on {weekday} {verb_oppose} a {adj} {topic} proposed by {org}, saying {reason}.",
    "The {topic} was {verb_support} by {count} member states, but {country} {adverb} {verb_oppose} it.",
    "\"We will not accept a {topic} that {reason_short},\" {person} , {country}'s {role}, told reporters in {city}.",
    "{person}, the {role} of {country}, said {reason}, according to a statement released on {weekday}.",
    "According to {org}, {number} {group} have been displaced from the {place_kind} of {place} since {month}.",
    "Officials in {city} said {outcome}, while diplomats warned that the {adj} {topic} could still collapse.",
    "\"This is a {adj} moment for the whole region,\" said {person}, who leads the delegation from {country}.",
    "{org} said in a statement that {number} {group} were killed in clashes near {place} on {weekday}.",
    "The {role} {person} accused {country} of stalling, adding that {reason}.",
    "Speaking in {city} on {weekday}, {person} {adverb} defended the decision and said {outcome}.",
    "Critics of the {topic}, including {person}, argued that {reason}.",
    "{country} has {verb_support} the {topic}, and its {role} is due to travel to {city} on {weekday}.",
    "Analysts said the {adj} {topic} marked a shift in relations between {country} and {country2}.",
    "\"The people of {place} deserve better than another {adj} promise,\" {person} wrote on social media.",
    "A spokesperson for {org} told the {outlet} that {outcome}.",
    "On {day} {month}, {number} {group} gathered outside the parliament in {city} to demand a {topic}.",
    "{person} said the government of {country} was ready to {verb_base} the {topic} if {condition}.",
    "The meeting in {city} ended without agreement after {country} {adverb} {verb_oppose} the final text.",
    "Aid agencies warned that {number} {group} in {place} had no access to clean water or medicine.",
    "{country}'s {role}, {person}, described the vote as {adj} and said {outcome}.",
    "Under the {adj} {topic}, {country} would pay {money} million dollars over {years} years.",
    "\"Nobody in {city} believes this {topic} will hold,\" said {person}, a resident of the {place_kind}.",
    "The draft, circulated by {country} and {country2}, called for a {days}-day pause in fighting around {place}.",
    "It was the {ordinal} time since {month} that {country} had {verb_oppose} a measure on {place}.",
    "{person} of {org} said {group} in {place} were living under {adj} conditions.",
    "Ministers from {country}, {country2} and {country3} are expected to meet in {city} later this month.",
    "The {role} declined to say whether {country} would {verb_base} a revised {topic}.",
    "Earlier, {person} had warned that {reason}, a view shared by several members of {org}.",
    "Markets in {city} fell {percent} percent on {weekday} after news that the {topic} had stalled.",
    "Observers from {org} reported {number} violations of the {topic} in the first {days} days.",
    "\"We have done everything we can,\" {person} said, adding that {outcome}.",
    "The government of {country} insisted that {reason_rev}.",
    "Residents of {place} said shelling continued through the night despite the {adj} {topic}.",
    "{country} and {country2} have been at odds over the {topic} since talks began in {city} in {month}.",
    "In a televised address, {person} urged {group} to remain calm and said {outcome}.",
)
CONDITIONS = ("its concerns were addressed", "observers were allowed in", "the deadline was extended",
              "all parties agreed to the terms", "international guarantees were provided")
REASON_SHORT = ("ignores our security", "rewards aggression", "was drafted in secret", "has no timetable",
                "leaves civilians unprotected", "undermines our sovereignty")
REASON_REV = ("the operation was aimed only at armed groups", "its forces had respected the truce",
              "the accusations were politically motivated", "it had always supported a negotiated settlement",
              "the figures published by aid groups were exaggerated")
VERBS_BASE = ("accept", "sign", "support", "reject", "review", "consider")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh")

PROMOS = ("Read more: {headline_short}", "Sign up for our daily briefing", "Subscribe to {outlet} for full access",
          "Download our app for breaking news alerts", "Related: {country} to host talks on {topic}",
          "Most read", "Advertisement", "Listen to this article", "5 min read")
SHARE = ("Share on Facebook", "Share on Twitter", "Share via Email", "Copy link", "WhatsApp", "Print")
NAV = ("Home", "World", "Politics", "Business", "Opinion", "Sport", "Menu", "Search", "Sign in", "Subscribe")
FOOTERS = ("© {year} {outlet}. All rights reserved.", "About us | Contact | Privacy policy | Terms of use",
           "{outlet} is not responsible for the content of external sites.", "Follow us on Twitter and Facebook",
           "Cookie settings", "Back to top")


@dataclass(frozen=True)
class Article:
    id: str
    body: str
    title: str
    source: str
    words: int  # whitespace words of the whole page, junk included

    def submission(self) -> tuple[bytes, bytes]:
        """(value, key) for ``articles.raw``: a JSON RawArticle with a plain-text body."""
        value = orjson.dumps({"id": self.id, "body": self.body, "source": self.source,
                              "content_type": "text/plain"})
        return value, self.id.encode()


class _Filler:
    """Fills template slots; keeps each article's cast small so names recur like in real reports."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)]
        self.countries = rng.sample(COUNTRIES, 4)
        self.places = [f"{rng.choice(('North', 'South', 'East', 'West', 'Upper', 'Lower', 'Al', 'San', 'New'))} "
                       f"{rng.choice(CITIES)}" if rng.random() < 0.4 else rng.choice(CITIES) for _ in range(3)]
        self.topic = rng.choice(TOPICS)
        self.outlet = rng.choice(OUTLETS)

    def slots(self) -> dict[str, str]:
        r = self.rng
        c = r.sample(self.countries, 3)
        return {
            "country": c[0], "country2": c[1], "country3": c[2], "weekday": r.choice(WEEKDAYS),
            "verb_oppose": r.choice(VERBS_OPPOSE), "verb_support": r.choice(VERBS_SUPPORT),
            "verb_base": r.choice(VERBS_BASE), "adj": r.choice(ADJ),
            "topic": self.topic if r.random() < 0.6 else r.choice(TOPICS), "org": r.choice(ORGS),
            "reason": r.choice(REASONS), "reason_short": r.choice(REASON_SHORT), "reason_rev": r.choice(REASON_REV),
            "count": str(r.randint(9, 140)), "adverb": r.choice(ADVERBS), "person": r.choice(self.people),
            "role": r.choice(ROLES), "city": r.choice(CITIES), "number": r.choice(NUMBERS),
            "group": r.choice(GROUPS), "place_kind": r.choice(PLACES_KIND), "place": r.choice(self.places),
            "month": r.choice(MONTHS), "outcome": r.choice(OUTCOMES), "outlet": self.outlet,
            "day": str(r.randint(1, 28)), "condition": r.choice(CONDITIONS), "money": str(r.randint(20, 900)),
            "years": str(r.randint(2, 12)), "days": str(r.randint(3, 30)), "ordinal": r.choice(ORDINALS),
            "percent": f"{r.randint(1, 9)}.{r.randint(0, 9)}",
        }

    def sentence(self) -> str:
        text = self.rng.choice(BODY_TEMPLATES).format(**self.slots()).replace(" ,", ",")
        return _AN.sub(r"\1n \2", text)


def make_article(index: int, seed: int = 7, target_words: int = 600) -> Article:
    rng = random.Random(seed * 1_000_003 + index)
    f = _Filler(rng)
    s = f.slots()
    verb = rng.choice(VERBS_OPPOSE + VERBS_SUPPORT)
    ending = rng.choice(("stall", "resume", "end"))
    title = f"{s['country']} {verb} {s['adj']} {f.topic} as talks in {s['city']} {ending}"
    year = rng.randint(2015, 2026)
    lines: list[str] = []
    # Page furniture before the article: navigation, a section label, share buttons.
    lines.extend(rng.sample(NAV, rng.randint(3, 6)))
    lines.append(rng.choice(SECTIONS))
    lines.append(title)
    lines.append(f"By {f.rng.choice(FIRST)} {f.rng.choice(LAST)}, {f.outlet}")
    lines.append(f"{s['day']} {s['month']} {year}")
    lines.extend(rng.sample(SHARE, rng.randint(1, 3)))
    credit = f"{rng.choice(FIRST)} {rng.choice(LAST)}/{rng.choice(AGENCIES)}"
    caption_text = f"{f.people[0]} speaks to reporters in {s['city']} on {s['weekday']}."
    caption = rng.choice((f"{caption_text} Photo: {credit}", f"{caption_text} ({rng.choice(AGENCIES)})",
                          f"{caption_text}\n\nPhoto: {credit}", f"{caption_text} | {credit}"))
    body_words = 0
    paragraphs = 0
    while body_words < target_words:
        para = " ".join(f.sentence() for _ in range(rng.randint(2, 4)))
        if paragraphs == 0:
            para = f"{s['city'].upper()} ({rng.choice(AGENCIES)}) - {para}"
        lines.append(para)
        body_words += len(para.split())
        paragraphs += 1
        if paragraphs == 2:
            lines.append(caption)
        elif paragraphs == 4:
            lines.append(rng.choice(PROMOS).format(headline_short=f"{s['country2']} weighs {f.topic}",
                                                    outlet=f.outlet, country=s["country3"], topic=f.topic))
    lines.extend(rng.sample(SHARE, rng.randint(1, 2)))
    lines.append(rng.choice(PROMOS).format(headline_short=f"{s['country']} and the {f.topic}", outlet=f.outlet,
                                           country=s["country2"], topic=rng.choice(TOPICS)))
    lines.extend(p.format(year=year, outlet=f.outlet) for p in rng.sample(FOOTERS, rng.randint(2, 3)))
    body = "\n\n".join(lines) + "\n"
    return Article(id=f"bench-{seed}-{index:06d}", body=body, title=title, source=f.outlet,
                   words=len(body.split()))


def corpus(n: int, seed: int = 7, target_words: int = 600) -> Iterator[Article]:
    for i in range(n):
        yield make_article(i, seed, target_words)


if __name__ == "__main__":  # print one article to eyeball it
    import sys

    print(make_article(int(sys.argv[1]) if len(sys.argv) > 1 else 0).body)
