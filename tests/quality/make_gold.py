"""Build the gold annotations in tests/quality/gold from compact definitions.

The gold files are the source of truth for the quality test; this script only
saves typing. Run it after editing: ``python tests/quality/make_gold.py``.
Format: /work/shared/eval/FORMAT.md (the project's gold annotation format).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD: dict[str, dict[str, Any]] = {}


def E(name: str, typ: str, *aliases: str, optional: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {"name": name, "type": typ, "aliases": list(aliases)}
    if optional:
        d["optional"] = True
    return d


def Q(speaker: str, contains: str, optional: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {"speaker": speaker, "contains": contains}
    if optional:
        d["optional"] = True
    return d


def S(holder: str, target: str, polarity: str, optional: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {"holder": holder, "target": target, "polarity": polarity}
    if optional:
        d["optional"] = True
    return d


def V(typ: str, actor: str, target: str | None = None, mode: str | None = None,
      fatalities: int | None = None, optional: bool = False, **flags: bool) -> dict[str, Any]:
    d: dict[str, Any] = {"type": typ, "actor": actor, "target": target, "mode": mode,
                         "fatalities": fatalities}
    if optional:
        d["optional"] = True
    d.update(flags)
    return d


US = E("United States", "GPE", "US", "U.S.", "USA", "America", "American", "Americans", "Washington")
UN = ("United Nations", "ORG", "UN", "U.N.")

GOLD["q01_wire_sanctions"] = {
    "title": "EU agrees new sanctions on Belarus over election crackdown",
    "published": "2023-03-14",
    "junk": ["Skip to main content", "World", "By Marta Nowicka and Jan Strupczewski",
             "(Reporting by Marta Nowicka in Warsaw and Jan Strupczewski in Brussels; Additional reporting by "
             "Andrius Sytas in Vilnius; Editing by Gareth Jones and Alex Richardson)",
             "Our Standards: The Thomson Reuters Trust Principles.", "Read Next",
             "EU foreign ministers to discuss Ukraine aid package",
             "Belarus frees two journalists ahead of summit"],
    "captions": [],
    "content": [
        "European Union foreign ministers on Tuesday agreed to impose new sanctions on Belarus, freezing the assets "
        "of 25 officials they accuse of rigging last month's local elections and ordering the arrest of hundreds of "
        "protesters.",
        "The measures, which also ban the officials from travelling to the 27-nation bloc, were approved unanimously "
        "after Hungary dropped its objections late on Monday, three diplomats said.",
        "\"The people of Belarus deserve to choose their leaders freely, and those who stole that choice will pay a "
        "price,\" EU foreign policy chief Josep Borrell told reporters after the meeting in Brussels.",
        "Belarus' foreign ministry condemned the decision as \"economic blackmail\" and said Minsk would respond with "
        "countermeasures against EU companies.",
        "Russia, Belarus' closest ally, also criticised the move.",
        "Exiled opposition leader Sviatlana Tsikhanouskaya welcomed the sanctions but urged the EU to go further.",
        "\"This is an important signal, but the regime must feel real economic pain,\" she told Reuters by phone from "
        "Vilnius.",
        "The United States and Britain are expected to announce similar measures later this week, a U.S. official "
        "said on condition of anonymity.",
    ],
    "entities": [
        E("European Union", "ORG", "EU", "bloc", "27-nation bloc"),
        E("Belarus", "GPE", "Belarusian"),
        E("Minsk", "GPE"),
        E("Hungary", "GPE", "Hungarian", "Budapest"),
        E("Josep Borrell", "PERSON", "Borrell"),
        E("Brussels", "GPE"),
        E("Ivan Kubrakov", "PERSON", "Kubrakov"),
        E("Belarusian foreign ministry", "ORG", "Belarus' foreign ministry", "Belarus foreign ministry",
          "foreign ministry", optional=True),
        E("Anatoly Glaz", "PERSON", "Glaz"),
        E("Russia", "GPE", "Russian", "Moscow"),
        E("Kremlin", "ORG", optional=True),
        E("Dmitry Peskov", "PERSON", "Peskov"),
        E("Lithuania", "GPE", "Lithuanian"),
        E("Poland", "GPE", "Polish"),
        E("Sviatlana Tsikhanouskaya", "PERSON", "Tsikhanouskaya", "Svetlana Tikhanovskaya"),
        E("Reuters", "ORG"),
        E("Vilnius", "GPE"),
        E("Alexander Lukashenko", "PERSON", "Lukashenko", "President Alexander Lukashenko"),
        US,
        E("Britain", "GPE", "United Kingdom", "UK", "British"),
        E("Peter Szijjarto", "PERSON", "Szijjarto"),
    ],
    "refs": {
        "sanctions": ["new sanctions", "measures", "decision", "move", "package", "sanctions package",
                      "similar measures", "tougher measures", "these sanctions", "EU sanctions"],
        "Belarusian government": ["regime", "Belarus", "Minsk", "government", "Belarusian authorities"],
        "protesters": ["demonstrators", "hundreds of protesters", "more than 600 demonstrators"],
        "officials": ["25 officials", "the officials"],
    },
    "quotes": [
        Q("Josep Borrell", "The people of Belarus deserve to choose their leaders freely"),
        Q("Anatoly Glaz", "These sanctions are illegal and will only harm ordinary Europeans"),
        Q("Anatoly Glaz", "Belarus will not bow to pressure from Brussels"),
        Q("Sviatlana Tsikhanouskaya", "This is an important signal, but the regime must feel real economic pain"),
        Q("Sviatlana Tsikhanouskaya", "Every day, political prisoners are suffering in Lukashenko's jails"),
    ],
    "stances": [
        S("Josep Borrell", "sanctions", "support", optional=True),
        S("Josep Borrell", "Belarusian government", "oppose", optional=True),
        S("Anatoly Glaz", "sanctions", "oppose"),
        S("Dmitry Peskov", "sanctions", "oppose"),
        S("Sviatlana Tsikhanouskaya", "sanctions", "support"),
        S("Sviatlana Tsikhanouskaya", "Alexander Lukashenko", "oppose", optional=True),
        S("Alexander Lukashenko", "protesters", "oppose", optional=True),
        S("European Union", "Belarus", "oppose"),
        S("European Union", "Ivan Kubrakov", "oppose", optional=True),
        S("Belarus", "sanctions", "oppose"),
        S("Russia", "sanctions", "oppose"),
        S("Russia", "Belarus", "support", optional=True),
        S("Lithuania", "sanctions", "support", optional=True),
        S("Poland", "sanctions", "support", optional=True),
        S("Hungary", "sanctions", "support", optional=True),
    ],
    "events": [
        V("SANCTION", "European Union", "Belarus"),
        V("ACCUSE", "European Union", "officials", optional=True),
        V("ACCUSE", "European Union", "Ivan Kubrakov", optional=True),
        V("THREATEN", "Josep Borrell", None, optional=True),
        V("ACCUSE", "Anatoly Glaz", "sanctions", optional=True),
        V("ACCUSE", "Belarus", "sanctions"),
        V("THREATEN", "Belarus", "European Union", optional=True),
        V("ACCUSE", "Dmitry Peskov", "sanctions", optional=True),
        V("ACCUSE", "Russia", "sanctions"),
        V("SUPPORT", "Sviatlana Tsikhanouskaya", "sanctions", mode="praise"),
        V("REQUEST", "Sviatlana Tsikhanouskaya", "European Union"),
        V("ACCUSE", "Alexander Lukashenko", "protesters", mode="label"),
        V("COERCE", "Belarusian government", "protesters", optional=True),
        V("SANCTION", "United States", "Belarus", optional=True),
        V("SANCTION", "Britain", "Belarus", optional=True),
        V("REQUEST", "Lithuania", "European Union", optional=True),
        V("REQUEST", "Poland", "European Union", optional=True),
        V("AGREE", "Hungary", "sanctions", optional=True),
    ],
    "_notes": "Reuters wire layout. published from the 'March 14, 2023 4:12 PM UTC' line (that line is neutral). "
              "The byline, the '(Reporting by ...; Editing by ...)' credit, the Trust Principles line and the "
              "'Read Next' teasers are junk. The dateline 'BRUSSELS, March 14 (Reuters) -' is detached from the "
              "first content line. Minsk and Brussels are named as places, so they are their own GPEs; Budapest "
              "is only a metonym for Hungary. Warsaw, Gareth Jones etc. occur only in the credit line. Partial "
              "quotes under four words ('economic blackmail', 'a gross interference') are not gold quotes.",
}

CEASEFIRE = ["ceasefire", "agreement", "truce", "deal", "ceasefire deal", "seven-day ceasefire agreement",
             "ceasefire agreement", "week-long truce", "the agreement"]
GOLD["q02_aj_ceasefire"] = {
    "title": "Sudan's army and RSF sign ceasefire deal in Jeddah",
    "published": "2023-05-21",
    "junk": ["Skip links", "Skip to Content", "Navigation menu", "Live", "News|Conflict",
             "Source: Al Jazeera and news agencies", "Follow Al Jazeera English:", "Most Read",
             "Sudan's army says it will resume talks in Jeddah", "Sponsored"],
    "captions": ["Representatives of the Sudanese army and the paramilitary Rapid Support Forces sign the agreement "
                 "in Jeddah [Saudi Press Agency via Reuters]"],
    "content": [
        "Sudan's army and the paramilitary Rapid Support Forces (RSF) have signed a seven-day ceasefire agreement "
        "after two weeks of talks in the Saudi city of Jeddah, according to a joint statement by Saudi Arabia and "
        "the United States.",
        "The fighting, which erupted on April 15, has killed at least 850 civilians and forced more than one million "
        "people from their homes, according to the United Nations.",
        "\"We call on both parties to honour their commitments and to allow aid to reach those who need it,\" he said "
        "at a news conference in Jeddah.",
        "US Secretary of State Antony Blinken welcomed the deal but warned that Washington would hold violators to "
        "account.",
        "An army spokesman, Brigadier Nabil Abdullah, rejected the accusation and said the RSF had \"turned homes and "
        "hospitals into military bases\".",
        "\"We heard planes all night. We are afraid the truce will collapse like the others,\" Amira Osman, a teacher "
        "in the Bahri district, told Al Jazeera.",
        "Aid agencies have said they need safe corridors to deliver food and medicine to millions of people trapped "
        "in the capital and the western region of Darfur.",
    ],
    "entities": [
        E("Sudan", "GPE", "Sudanese"),
        E("Sudanese army", "ORG", "Sudan's army", "army", "Sudanese armed forces", "SAF", "Sudanese military",
          "Sudan", optional=True),
        E("Rapid Support Forces", "ORG", "RSF", "paramilitary Rapid Support Forces"),
        E("Jeddah", "GPE", "Jedda"),
        E("Saudi Arabia", "GPE", "Saudi", "Saudis", "Riyadh"),
        US,
        E(*UN),
        E("Faisal bin Farhan", "PERSON", "Prince Faisal bin Farhan", "Faisal"),
        E("Antony Blinken", "PERSON", "Blinken"),
        E("Abdel Fattah al-Burhan", "PERSON", "Burhan", "al-Burhan", "General Abdel Fattah al-Burhan"),
        E("Mohamed Hamdan Dagalo", "PERSON", "Dagalo", "Hemedti"),
        E("Khartoum", "GPE"),
        E("Nabil Abdullah", "PERSON", "Brigadier Nabil Abdullah"),
        E("Amira Osman", "PERSON", "Osman"),
        E("Bahri", "GPE", "Bahri district"),
        E("Al Jazeera", "ORG"),
        E("African Union", "ORG", "AU"),
        E("Intergovernmental Authority on Development", "ORG", "IGAD"),
        E("Darfur", "GPE"),
    ],
    "refs": {"ceasefire agreement": CEASEFIRE},
    "quotes": [
        Q("Faisal bin Farhan", "a first step towards ending the suffering of the Sudanese people", optional=True),
        Q("Faisal bin Farhan", "We call on both parties to honour their commitments"),
        Q("Antony Blinken", "If the ceasefire is violated, we will know"),
        Q("Nabil Abdullah", "turned homes and hospitals into military bases", optional=True),
        Q("Rapid Support Forces", "committed to the agreement", optional=True),
        Q("Amira Osman", "We heard planes all night"),
    ],
    "stances": [
        S("Faisal bin Farhan", "ceasefire agreement", "support", optional=True),
        S("Antony Blinken", "ceasefire agreement", "support"),
        S("Nabil Abdullah", "Rapid Support Forces", "oppose"),
        S("Amira Osman", "ceasefire agreement", "neutral", optional=True),
        S("Sudanese army", "Rapid Support Forces", "oppose"),
        S("Rapid Support Forces", "Sudanese army", "oppose"),
        S("Rapid Support Forces", "ceasefire agreement", "support", optional=True),
        S("Sudanese army", "ceasefire agreement", "support", optional=True),
        S("Saudi Arabia", "ceasefire agreement", "support", optional=True),
        S("United States", "ceasefire agreement", "support", optional=True),
        S("African Union", "ceasefire agreement", "support"),
        S("Intergovernmental Authority on Development", "ceasefire agreement", "support"),
    ],
    "events": [
        V("AGREE", "Sudanese army", "Rapid Support Forces"),
        V("AGREE", "Rapid Support Forces", "Sudanese army"),
        V("AGREE", "Saudi Arabia", None, mode="mediate", optional=True),
        V("AGREE", "United States", None, mode="mediate", optional=True),
        V("CONSULT", "Sudanese army", "Rapid Support Forces", optional=True),
        V("REQUEST", "Faisal bin Farhan", None, optional=True),
        V("SUPPORT", "Antony Blinken", "ceasefire agreement", mode="praise"),
        V("THREATEN", "Antony Blinken", None, optional=True),
        V("THREATEN", "United States", None, optional=True),
        V("ACCUSE", "Nabil Abdullah", "Rapid Support Forces"),
        V("REJECT", "Nabil Abdullah", None, optional=True),
        V("ACCUSE", "Sudanese army", "Rapid Support Forces"),
        V("ACCUSE", "Rapid Support Forces", "Sudanese army"),
        V("ASSAULT", "Sudanese army", "Khartoum", mode="airstrike", optional=True),
        V("SUPPORT", "African Union", "ceasefire agreement", mode="praise"),
        V("SUPPORT", "Intergovernmental Authority on Development", "ceasefire agreement", mode="praise"),
        V("REQUEST", "African Union", None, optional=True),
        V("REQUEST", "Intergovernmental Authority on Development", None, optional=True),
    ],
    "_notes": "Al Jazeera layout. published from 'Published On 21 May 2023' (neutral line). The standfirst "
              "('The week-long truce ...') is neutral. The bracketed photo credit is part of the caption; Saudi "
              "Press Agency and Reuters occur only there. 'Sudan's army' is the acting party: an optional ORG "
              "entity, used as actor. The two signatories AGREE with each other. 'accused each other' gives "
              "ACCUSE both ways; the RSF's partial quote 'committed to the agreement' is optional.",
}

GOLD["q03_guardian_protest"] = {
    "title": "At least nine killed as Kenyan police fire on anti-tax protesters",
    "published": "2024-06-25",
    "junk": ["Skip to main content", "Skip to navigation", "Print subscriptions", "Search jobs",
             "Kenya protests – latest updates", "Nicholas Obura in Nairobi", "Sign up to This is Europe",
             "The most pressing stories and debates for Europeans – from identity to economics to the environment",
             "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by "
             "outside parties.", "after newsletter promotion", "Explore more on these topics", "Africa",
             "Protest", "news", "Share", "Reuse this content"],
    "captions": ["Protesters flee teargas in central Nairobi on Tuesday. Photograph: Tony Karumba/AFP/Getty Images"],
    "content": [
        "At least nine people have been killed and dozens injured after Kenyan police opened fire on protesters in "
        "Nairobi and several other cities, according to the Kenya National Commission on Human Rights.",
        "Thousands of mostly young demonstrators marched on parliament on Tuesday as MPs voted on a finance bill "
        "that would raise taxes on bread, fuel and mobile money transfers.",
        "Amnesty International Kenya condemned the killings and called for an independent investigation.",
        "\"We will provide a full, effective and expeditious response to today's treasonous events,\" Ruto said in a "
        "televised address.",
        "The finance bill passed with 195 votes in favour and 106 against.",
        "Thousands of people also took to the streets in Mombasa, Kisumu and Eldoret, local media reported.",
        "The interior minister, Kithure Kindiki, said 50 police officers had been injured and that the government "
        "would \"not allow anarchy\".",
    ],
    "entities": [
        E("Kenya", "GPE", "Kenyan", "Kenyans"),
        E("Kenyan police", "ORG", "police", "Kenya police", "security forces", "police officers", optional=True),
        E("Nairobi", "GPE"),
        E("Kenya National Commission on Human Rights", "ORG", "KNCHR", "National Commission on Human Rights"),
        E("Roseline Odede", "PERSON", "Odede"),
        E("Amnesty International Kenya", "ORG", "Amnesty International", "Amnesty", "Amnesty Kenya"),
        E("Irungu Houghton", "PERSON", "Houghton"),
        E("William Ruto", "PERSON", "Ruto", "President William Ruto"),
        E("Raila Odinga", "PERSON", "Odinga"),
        E("Wanjiru Kamau", "PERSON", "Kamau"),
        E("United States", "GPE", "US", "U.S.", "American", optional=True),
        E("Mombasa", "GPE"),
        E("Kisumu", "GPE"),
        E("Eldoret", "GPE"),
        E("Kithure Kindiki", "PERSON", "Kindiki"),
    ],
    "refs": {
        "protesters": ["demonstrators", "protesters", "crowds", "unarmed protesters", "young demonstrators",
                       "anti-tax protesters", "organised criminals", "activists"],
        "finance bill": ["bill", "finance bill", "tax rises", "taxes"],
        "killings": ["the killings", "killing"],
        "rights groups": ["Rights groups"],
        "Kenyan government": ["government", "Kenyan government", "Ruto"],
    },
    "quotes": [
        Q("Roseline Odede", "We have documented the use of live bullets against unarmed protesters"),
        Q("William Ruto", "We will provide a full, effective and expeditious response"),
        Q("Wanjiru Kamau", "They are taking everything from us"),
        Q("Raila Odinga", "killing its own children", optional=True),
    ],
    "stances": [
        S("Roseline Odede", "Kenyan police", "oppose"),
        S("Irungu Houghton", "Kenyan police", "oppose", optional=True),
        S("William Ruto", "Kenyan police", "support"),
        S("William Ruto", "protesters", "oppose"),
        S("Raila Odinga", "finance bill", "oppose"),
        S("Raila Odinga", "Kenyan government", "oppose", optional=True),
        S("Wanjiru Kamau", "finance bill", "oppose", optional=True),
        S("Kithure Kindiki", "protesters", "oppose", optional=True),
        S("Amnesty International Kenya", "killings", "oppose"),
        S("Amnesty International Kenya", "Kenyan police", "oppose", optional=True),
        S("rights groups", "Kenyan police", "oppose", optional=True),
        S("Kenya National Commission on Human Rights", "Kenyan police", "oppose", optional=True),
        S("protesters", "finance bill", "oppose"),
        S("Kenyan police", "protesters", "oppose", optional=True),
    ],
    "events": [
        V("ASSAULT", "Kenyan police", "protesters", fatalities=9),
        V("ACCUSE", "Roseline Odede", "Kenyan police", optional=True),
        V("ACCUSE", "Amnesty International Kenya", "killings"),
        V("ACCUSE", "Amnesty International Kenya", "Kenyan police", optional=True),
        V("ACCUSE", "rights groups", "Kenyan police", optional=True),
        V("REQUEST", "Amnesty International Kenya", None, optional=True),
        V("ACCUSE", "Irungu Houghton", "Kenyan police", optional=True),
        V("COERCE", "Kenyan police", "protesters", optional=True),
        V("SUPPORT", "William Ruto", "Kenyan police"),
        V("THREATEN", "William Ruto", "protesters"),
        V("ACCUSE", "William Ruto", "protesters", optional=True),
        V("ACCUSE", "Raila Odinga", "Kenyan government"),
        V("REQUEST", "Raila Odinga", "William Ruto"),
        V("PROTEST", "protesters", None),
        V("ASSAULT", "protesters", None, optional=True),
        V("REQUEST", "United States", None, optional=True),
    ],
    "_notes": "Guardian layout. published from 'Tue 25 Jun 2024 17.42 BST' (neutral line). The section label "
              "'Kenya' above the headline and the standfirst are neutral (the label is also a place name). The "
              "live-blog link, byline, newsletter promo block and the topic footer are junk. 'Kenyan police' is "
              "an optional ORG used as actor (like 'Syrian army' in the real gold). The nine deaths are an "
              "ASSAULT by police on protesters. 'condemned the killings' = oppose/ACCUSE the "
              "killings (the police as target is optional); the standfirst's 'Rights groups accuse security "
              "forces' is optional. Ruto 'defended the security forces' = SUPPORT; 'vowing to crush' "
              "= THREATEN. Odinga 'demanded that Ruto withdraw the bill' = REQUEST to Ruto.",
}

GOLD["q04_bbc_election"] = {
    "title": "Georgia opposition rejects election result amid fraud claims",
    "published": None,
    "junk": ["Skip to content", "Home", "News", "Sport", "Share", "Save", "Rayhan Demytrie", "BBC News, Tbilisi",
             "Related Topics", "Europe", "More on this story",
             "Georgia protests: Thousands rally against 'foreign agent' law", "Published", "15 May"],
    "captions": ["Image source, Reuters", "Image caption,",
                 "Opposition supporters rallied outside parliament in Tbilisi on Monday evening",
                 "Image source, Getty Images",
                 "Prime Minister Irakli Kobakhidze celebrated with supporters on election night"],
    "content": [
        "Georgia's main opposition parties have refused to recognise the result of Saturday's parliamentary "
        "election, accusing the governing Georgian Dream party of large-scale fraud.",
        "The Central Election Commission says Georgian Dream won 54% of the vote, giving it a comfortable majority "
        "in the 150-seat parliament.",
        "\"We do not recognise these elections and we will not take our seats. This was a constitutional coup,\" "
        "said Tina Bokuchava, the leader of the United National Movement.",
        "\"I do not recognise this election. It is a Russian special operation,\" she told supporters on Monday.",
        "\"The opposition lost and now they want chaos. Georgia will not allow a revolution,\" he told a news "
        "conference.",
        "Observers from the Organization for Security and Co-operation in Europe (OSCE) reported intimidation of "
        "voters, vote-buying and ballot stuffing at several polling stations.",
        "The Kremlin has rejected accusations that it interfered in the vote.",
    ],
    "entities": [
        E("Georgia", "GPE", "Georgians"),
        E("Georgian Dream", "ORG", "Georgian Dream party"),
        E("Central Election Commission", "ORG", "CEC", "electoral authorities"),
        E("Tina Bokuchava", "PERSON", "Bokuchava"),
        E("United National Movement", "ORG", "UNM"),
        E("Salome Zourabichvili", "PERSON", "Zourabichvili", "President Salome Zourabichvili"),
        E("Russia", "GPE", "Russian", "Moscow"),
        E("Kremlin", "ORG", optional=True),
        E("Bidzina Ivanishvili", "PERSON", "Ivanishvili"),
        E("Irakli Kobakhidze", "PERSON", "Kobakhidze"),
        E("Organization for Security and Co-operation in Europe", "ORG", "OSCE",
          "Organisation for Security and Co-operation in Europe"),
        E("European Union", "ORG", "EU"),
        E("Viktor Orban", "PERSON", "Orban", "Viktor Orbán"),
        E("Hungary", "GPE", "Hungarian"),
        US,
    ],
    "refs": {
        "election result": ["result", "election", "elections", "vote", "parliamentary election", "these elections",
                            "this election", "election result", "result of Saturday's parliamentary election"],
        "EU governments": ["several EU governments"],
        "new parliament": ["parliament", "the new parliament"],
        "opposition": ["opposition parties", "main opposition parties", "four main opposition alliances",
                       "opposition alliances", "opposition", "Georgia's main opposition parties",
                       "opposition supporters"],
    },
    "quotes": [
        Q("Tina Bokuchava", "We do not recognise these elections and we will not take our seats"),
        Q("Tina Bokuchava", "This was a constitutional coup", optional=True),
        Q("Salome Zourabichvili", "I do not recognise this election"),
        Q("Salome Zourabichvili", "It is a Russian special operation", optional=True),
        Q("Irakli Kobakhidze", "The opposition lost and now they want chaos"),
        Q("Irakli Kobakhidze", "Georgia will not allow a revolution", optional=True),
    ],
    "stances": [
        S("Tina Bokuchava", "election result", "oppose"),
        S("Tina Bokuchava", "Georgian Dream", "oppose", optional=True),
        S("Salome Zourabichvili", "election result", "oppose"),
        S("Salome Zourabichvili", "opposition", "support"),
        S("Salome Zourabichvili", "Russia", "oppose", optional=True),
        S("Irakli Kobakhidze", "opposition", "oppose"),
        S("Irakli Kobakhidze", "election result", "support", optional=True),
        S("Viktor Orban", "Georgian Dream", "support"),
        S("opposition", "election result", "oppose"),
        S("opposition", "Georgian Dream", "oppose"),
        S("opposition", "new parliament", "oppose", optional=True),
        S("Georgian Dream", "opposition", "oppose", optional=True),
        S("Organization for Security and Co-operation in Europe", "election result", "oppose", optional=True),
        S("European Union", "Viktor Orban", "oppose", optional=True),
    ],
    "events": [
        V("REJECT", "opposition", "election result"),
        V("ACCUSE", "opposition", "Georgian Dream"),
        V("REJECT", "Tina Bokuchava", "election result", optional=True),
        V("SUPPORT", "Salome Zourabichvili", "opposition"),
        V("REQUEST", "Salome Zourabichvili", "Georgia", optional=True),
        V("REJECT", "Salome Zourabichvili", "election result", optional=True),
        V("ACCUSE", "Salome Zourabichvili", "Russia", optional=True),
        V("ACCUSE", "Irakli Kobakhidze", "opposition"),
        V("REJECT", "Georgian Dream", None, optional=True),
        V("ACCUSE", "Organization for Security and Co-operation in Europe", None, optional=True),
        V("REQUEST", "European Union", "Central Election Commission"),
        V("SUPPORT", "Viktor Orban", "Georgian Dream", mode="praise"),
        V("ACCUSE", "European Union", "Viktor Orban", optional=True),
        V("ACCUSE", "EU governments", "Viktor Orban", optional=True),
        V("REQUEST", "United States", None, optional=True),
        V("REJECT", "Kremlin", None, optional=True),
        V("REJECT", "Russia", None, optional=True),
    ],
    "_notes": "BBC layout. published is null: the page shows only '2 days ago' (neutral); '15 May' in the "
              "'More on this story' footer belongs to another story and must not be taken. 'Image source, X' and "
              "'Image caption,' lines and the caption texts are captions. Tbilisi occurs only in the byline and a "
              "caption. Moscow is a metonym for Russia. 'urged the electoral authorities' = REQUEST to the "
              "Central Election Commission. Orban 'congratulated Georgian Dream' = SUPPORT (praise).",
}

GOLD["q05_ap_offensive"] = {
    "title": "Myanmar military air strikes kill at least 31 in rebel-held village, witnesses say",
    "published": "2023-04-12",
    "junk": ["AP Logo", "Menu", "World News", "By GRANT PECK", "Share", "___",
             "Associated Press writer Edith M. Lederer at the United Nations contributed to this report.",
             "Copyright 2023 The Associated Press. All Rights Reserved."],
    "captions": [],
    "content": [
        "Myanmar's military carried out air strikes on a village in the central Sagaing region on Tuesday, killing "
        "at least 31 people, including children, as part of an offensive against armed resistance groups, "
        "witnesses and an opposition group said.",
        "\"People were blown apart. We collected body parts for hours,\" one of the residents told The Associated "
        "Press by phone.",
        "\"The junta is deliberately targeting civilians because it is losing on the ground,\" said Kyaw Zaw, a "
        "spokesperson for the office of the group's president.",
        "The military seized power in February 2021 from the elected government of Aung San Suu Kyi, triggering "
        "widespread protests that turned into armed resistance.",
        "The army has stepped up air attacks in recent months as it struggles to contain the resistance in "
        "Sagaing, a stronghold of opposition to military rule.",
        "U.N. Secretary-General Antonio Guterres strongly condemned the air strike and called for those responsible "
        "to be held accountable, his spokesperson said.",
        "Russia and China, the military's main arms suppliers, have blocked strong action against Myanmar at the "
        "U.N. Security Council.",
    ],
    "entities": [
        E("Myanmar", "GPE", "Burma"),
        E("Myanmar military", "ORG", "military", "Myanmar's military", "junta", "army", "Tatmadaw", "regime",
          "Myanmar", optional=True),
        E("Sagaing", "GPE", "Sagaing region"),
        E("Kanbalu", "GPE", "Kanbalu township"),
        E("Associated Press", "ORG", "AP", "The Associated Press"),
        E("National Unity Government", "ORG", "NUG"),
        E("Kyaw Zaw", "PERSON"),
        E("Zaw Min Tun", "PERSON", "Maj. Gen. Zaw Min Tun"),
        E("People's Defense Force", "ORG", "People's Defence Force", "PDF", "People's Defense Forces"),
        E("Aung San Suu Kyi", "PERSON", "Suu Kyi"),
        E("Magway", "GPE", "Magway region"),
        E("Antonio Guterres", "PERSON", "Guterres", "António Guterres"),
        E(*UN, optional=True),
        E("UN Security Council", "ORG", "U.N. Security Council", "Security Council", "UNSC"),
        E("European Union", "ORG", "EU"),
        US,
        E("State Department", "ORG", "U.S. State Department", "US State Department"),
        E("Matthew Miller", "PERSON", "Miller"),
        E("Russia", "GPE", "Russian"),
        E("China", "GPE", "Chinese"),
    ],
    "refs": {
        "village": ["a village", "village", "rebel-held village", "Kanbalu", "Kanbalu township", "Sagaing",
                    "Sagaing region", "crowd", "civilians", "people"],
        "air strike": ["air strike", "air strikes", "attack", "strike", "the attack", "the air strike"],
        "resistance": ["armed resistance groups", "resistance fighters", "resistance", "People's Defense Force",
                       "terrorists"],
        "residents": ["one of the residents", "residents", "resident", "witnesses"],
    },
    "quotes": [
        Q("residents", "People were blown apart", optional=True),
        Q("Kyaw Zaw", "The junta is deliberately targeting civilians"),
        Q("Matthew Miller", "This horrific violence underscores the regime's disregard for human life"),
    ],
    "stances": [
        S("Kyaw Zaw", "Myanmar military", "oppose"),
        S("Zaw Min Tun", "People's Defense Force", "oppose"),
        S("Antonio Guterres", "air strike", "oppose"),
        S("Antonio Guterres", "Myanmar military", "oppose", optional=True),
        S("Matthew Miller", "Myanmar military", "oppose"),
        S("National Unity Government", "air strike", "oppose"),
        S("National Unity Government", "Myanmar military", "oppose", optional=True),
        S("European Union", "air strike", "oppose"),
        S("United States", "air strike", "oppose"),
        S("European Union", "Myanmar military", "oppose", optional=True),
        S("United States", "Myanmar military", "oppose", optional=True),
        S("Myanmar military", "resistance", "oppose", optional=True),
        S("Russia", "Myanmar military", "support", optional=True),
        S("China", "Myanmar military", "support", optional=True),
    ],
    "events": [
        V("ASSAULT", "Myanmar military", "village", mode="airstrike", fatalities=31),
        V("ACCUSE", "National Unity Government", "air strike"),
        V("ACCUSE", "National Unity Government", "Myanmar military", optional=True),
        V("ACCUSE", "Kyaw Zaw", "Myanmar military", optional=True),
        V("ACCUSE", "Zaw Min Tun", "People's Defense Force", optional=True),
        V("ACCUSE", "Zaw Min Tun", "resistance", optional=True),
        V("REJECT", "Zaw Min Tun", None, optional=True),
        V("ACCUSE", "Antonio Guterres", "air strike"),
        V("REQUEST", "Antonio Guterres", None, optional=True),
        V("ACCUSE", "European Union", "air strike"),
        V("ACCUSE", "United States", "air strike"),
        V("REQUEST", "State Department", None, optional=True),
        V("REQUEST", "United States", None, optional=True),
        V("ACCUSE", "Matthew Miller", "Myanmar military", optional=True),
        V("ASSAULT", "Myanmar military", "Magway", optional=True),
        V("ASSAULT", "Myanmar military", "resistance", optional=True),
        V("COERCE", "Myanmar military", None, optional=True),
        V("REJECT", "Russia", None, optional=True),
        V("REJECT", "China", None, optional=True),
        V("SUPPORT", "Russia", "Myanmar military", optional=True),
        V("SUPPORT", "China", "Myanmar military", optional=True),
    ],
    "_notes": "AP layout. published from 'Updated 6:15 AM GMT, April 12, 2023'. The '___' separators, the "
              "all-caps byline, the 'Associated Press writer ... contributed' and copyright lines are junk. The "
              "dateline 'BANGKOK (AP) —' is detached from the first content line (Bangkok is not an entity). "
              "'Myanmar military' is an optional ORG used as actor. The 31 deaths are the military's air strike "
              "on the village. The unnamed resident's quote is optional. 'condemned the air strike' and "
              "'called the attack a war crime' = ACCUSE/oppose with the strike as target "
              "(the military as target is optional).",
}

GOLD["q06_cnn_visit"] = {
    "title": "Japan's prime minister visits India for talks on security and trade",
    "published": "2023-03-20",
    "junk": ["Menu", "Edition", "World", "By Junko Ogura and Rhea Mogul, CNN", "Source: CNN", "Read More",
             "CNN's Emiko Jozuka contributed reporting.", "Related article",
             "China's Xi heads to Moscow for talks with Putin", "Paid Content"],
    "captions": [],
    "content": [
        "Japanese Prime Minister Fumio Kishida met his Indian counterpart Narendra Modi in New Delhi on Monday, as "
        "the two countries seek closer ties in the face of China's growing military assertiveness in the region.",
        "The two leaders held talks on defense cooperation, semiconductors and clean energy, and discussed the war "
        "in Ukraine, according to India's Ministry of External Affairs.",
        "\"India and Japan share a commitment to democracy and the rule of law. Our partnership is vital for peace "
        "and prosperity in the Indo-Pacific,\" Modi told reporters after the meeting.",
        "India has refused to condemn Moscow over the war and has increased its purchases of discounted Russian "
        "oil, drawing criticism from some Western governments.",
        "\"Cooperation between countries should not target any third party,\" Wang said at a regular news briefing "
        "on Monday.",
        "Kishida also held consultations with Indian Foreign Minister Subrahmanyam Jaishankar on Tuesday and is "
        "expected to visit a Buddhist site in Bihar state before flying home.",
        "Analysts said the visit showed Tokyo's determination to bring New Delhi closer to the Western camp.",
    ],
    "entities": [
        E("Japan", "GPE", "Japanese", "Tokyo"),
        E("India", "GPE", "Indian", "Indians", "New Delhi"),
        E("New Delhi", "GPE", "Delhi"),
        E("Fumio Kishida", "PERSON", "Kishida", "Prime Minister Fumio Kishida"),
        E("Narendra Modi", "PERSON", "Modi", "Prime Minister Narendra Modi"),
        E("China", "GPE", "Chinese", "Beijing"),
        E("Ukraine", "GPE", "Ukrainian"),
        E("Ministry of External Affairs", "ORG", "India's Ministry of External Affairs", "MEA"),
        E("Group of Seven", "ORG", "G7", "G-7", "Group of Seven summit"),
        E("Hiroshima", "GPE"),
        E("Russia", "GPE", "Russian", "Moscow"),
        E("Taiwan", "GPE"),
        E("Chinese foreign ministry", "ORG", "China's foreign ministry", "foreign ministry", optional=True),
        E("Wang Wenbin", "PERSON", "Wang"),
        E("Quad", "ORG", "Quadrilateral Security Dialogue"),
        US,
        E("Australia", "GPE", "Australian"),
        E("Subrahmanyam Jaishankar", "PERSON", "Jaishankar", "S. Jaishankar"),
        E("Bihar", "GPE", "Bihar state"),
        E("Harsh Pant", "PERSON", "Pant"),
        E("King's College London", "ORG"),
        E("Indo-Pacific", "LOC", optional=True),
    ],
    "refs": {"Western governments": ["some Western governments", "Western camp"],
             "two leaders": ["leaders", "the two leaders"],
             "exclusive blocs": ["blocs"]},
    "quotes": [
        Q("Fumio Kishida", "free and open Indo-Pacific", optional=True),
        Q("Narendra Modi", "India and Japan share a commitment to democracy"),
        Q("Narendra Modi", "Our partnership is vital for peace and prosperity", optional=True),
        Q("Fumio Kishida", "No country should be allowed to change the status quo by force"),
        Q("Wang Wenbin", "Cooperation between countries should not target any third party"),
        Q("Harsh Pant", "Japan sees India as an essential partner"),
    ],
    "stances": [
        S("Narendra Modi", "Japan", "support"),
        S("Fumio Kishida", "India", "support", optional=True),
        S("Fumio Kishida", "Russia", "oppose", optional=True),
        S("Fumio Kishida", "China", "oppose", optional=True),
        S("Wang Wenbin", "Quad", "oppose", optional=True),
        S("China", "Quad", "oppose"),
        S("Japan", "India", "support", optional=True),
        S("India", "Japan", "support", optional=True),
        S("Western governments", "India", "oppose", optional=True),
        S("Russia", "Ukraine", "oppose", optional=True),
        S("China", "exclusive blocs", "oppose", optional=True),
    ],
    "events": [
        V("CONSULT", "Fumio Kishida", "Narendra Modi", mode="meet"),
        V("CONSULT", "Narendra Modi", "Fumio Kishida", optional=True),
        V("CONSULT", "Fumio Kishida", "India", mode="visit", optional=True),
        V("CONSULT", "Japan", "India", optional=True),
        V("CONSULT", "two leaders", None, optional=True),
        V("ASSAULT", "Russia", "Ukraine", optional=True),
        V("CONSULT", "India", "Japan", optional=True),
        V("CONSULT", "Fumio Kishida", "Subrahmanyam Jaishankar", mode="discuss"),
        V("CONSULT", "Fumio Kishida", "Narendra Modi", mode="host", optional=True),
        V("AID", "Japan", "India", optional=True),
        V("COOPERATE", "Japan", "India", optional=True),
        V("ACCUSE", "China", "Quad"),
        V("ACCUSE", "Fumio Kishida", "Russia", optional=True),
        V("ACCUSE", "Western governments", "India", optional=True),
        V("REJECT", "China", None, optional=True),
        V("REJECT", "India", None, optional=True),
    ],
    "_notes": "CNN layout. published from 'Updated 9:14 AM EDT, Mon March 20, 2023' (neutral). The dateline "
              "'New Delhi (CNN) —' is detached from the first content line; 'Read More', 'Source: CNN', the byline "
              "and the 'contributed reporting' line are junk. New Delhi is named as a place, so it is its own GPE; "
              "Tokyo and Beijing are only metonyms; 'bring New Delhi "
              "closer' is a metonym too, so New Delhi is also an alias of India. "
              "'Kishida met ... Modi' = CONSULT (meet); 'held consultations "
              "with Jaishankar' = CONSULT. 'Beijing has accused [the Quad] of trying to contain China' = ACCUSE "
              "China->Quad. 'India has refused to condemn Moscow' is no ACCUSE.",
}


def main() -> None:
    out = HERE / "gold"
    out.mkdir(exist_ok=True)
    for aid, g in GOLD.items():
        doc = {"article_id": aid, "title": g["title"], "published": g["published"], "language": "en",
               "junk": g["junk"], "captions": g["captions"], "content": g["content"],
               "entities": g["entities"], "refs": g["refs"], "quotes": g["quotes"],
               "stances": g["stances"], "events": g["events"], "_notes": g["_notes"]}
        (out / f"{aid}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
