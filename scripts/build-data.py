#!/usr/bin/env python3
"""Builds public/data/agreements/<year>.json from docs/sources.md (sources v2).

Every fact (amount, recipient, status, parent, number as written, quote, source
URL, derivation) is read from sources.md, mechanically. What sources.md does not
hold is editorial and lives in the tables below: labels in Swedish and English,
the purpose vocabulary, the ids kept from earlier data (so that shared links and
year-to-year matching keep working), notes and open questions for visitors.

Usage: scripts/build-data.py          write the files
       scripts/build-data.py --check  exit 1 if a file differs from what it would write
Standard library only.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "docs" / "sources.md"
OUT = ROOT / "public" / "data" / "agreements"
YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024]

# sources.md key → source id in the data. Ids named in shared links
# (from_source=: skl-2015, uph-lattlast, skl-2019, esv-2019) are kept.
SOURCE_IDS = {
    "OVK12": "overkalix-2012", "SoS13": "socialstyrelsen-2013", "SoS14": "socialstyrelsen-2014",
    "SKL15": "skl-2015", "UPHLL": "uph-lattlast",
    "U16a": "uph-2016", "U16b": "uph-2016-goals", "ATT16": "attention-2016", "SKL16": "skl-2016",
    "U17": "uph-2017", "SKL17p": "skl-2017", "SKL17": "skl-2017-page",
    "U18": "uph-2018", "SKR18": "skr-2018", "SKL18n": "skl-2018-news",
    "SKR19": "skl-2019", "REG19": "regeringen-2019", "ANH19": "anhoriga-2019", "ESV19": "esv-2019",
    "KBT20": "kbt-2020", "ANH22": "anhoriga-2022", "KVR22": "kvalitetsregister-2022",
    "REG24": "regeringen-2024",
}
# Publisher names as a Swedish visitor reads them, where sources.md annotates in English.
PUBLISHERS = {
    "KBT20": "KBT Sverige (bloggkopia av SKR:s nyhet)",
    "KVR22": "Nationella Kvalitetsregister (kopia av SKR:s sida)",
    "SKL17p": "SKL, pressmeddelande",
    "SKL18n": "SKL, nyhet",
    "ESV19": "Ekonomistyrningsverket (ESV), Statsliggaren",
}
SEED_2018 = {
    "id": "kvalitetsvard-2018",
    "publisher": "Kvalitetsvård (Pauser Media)",
    "title": "Satsningar på psykhälsa måste fortsätta, enligt SKL",
    "seed": "seeds/004_209da8affed149aa.txt",
}

# sources.md id → data id, where the data kept an earlier id of the same meaning.
KEPT_IDS = {
    2012: {"stimulus-municipalities": "municipalities-stimulus", "stimulus-regions": "regions-stimulus"},
    2019: {"regions-bup-queues": "regions-child-psychiatry-access", "joint-cooperation": "cooperation"},
}

# id → (purpose, label sv, label en); (year, id) overrides an id's default.
ITEMS = {
    "stimulus-funds": ("stimulus-funds", "Stimulansmedel till kommuner och landsting", "Stimulus funds to municipalities and county councils"),
    "performance-funds": ("performance-funds", "Prestationsmedel till kommuner och landsting", "Performance-based funds to municipalities and county councils"),
    "municipalities-stimulus": ("stimulus-funds", "Stimulansmedel till kommunerna (hälften)", "Stimulus funds to the municipalities (half)"),
    "regions-stimulus": ("stimulus-funds", "Stimulansmedel till landsting och regioner (hälften)", "Stimulus funds to county councils and regions (half)"),
    "stimulus-children-young-people": ("children-young-people", "Stimulansmedel: barn och unga", "Stimulus funds: children and young people"),
    "stimulus-extensive-needs": ("extensive-needs", "Stimulansmedel: personer med omfattande behov", "Stimulus funds: people with extensive needs"),
    "skr-support": ("coordination", "SKL: samordning, stöd och utveckling", "SKL: coordination, support and development"),
    "regions-general": ("action-plans", "Utvecklingsarbete och handlingsplaner (regionerna)", "Development work and action plans (regions)"),
    "municipalities-general": ("action-plans", "Utvecklingsarbete och handlingsplaner (kommunerna)", "Development work and action plans (municipalities)"),
    "regions-young-people": ("children-young-people", "Barn och unga (regionerna)", "Children and young people (regions)"),
    "youth-clinics": ("youth-clinics", "Ungdomsmottagningar", "Youth clinics"),
    "skr-infrastructure-inquiry": ("national-infrastructure", "SKL: utredning om nationell infrastruktur", "SKL: inquiry into a national infrastructure"),
    "skr-analysis-support": ("coordination", "SKL: analys, metodstöd och uppföljning", "SKL: analysis, method support and follow-up"),
    "skr-resource-centres": ("resource-centres", "SKL: regionala resurscentrum", "SKL: regional resource centres"),
    "regions": ("unspecified", "Till regionerna (att rekvirera)", "To the regions (to claim)"),
    "regions-primary-care": ("primary-care", "Primärvårdens insatser vid psykisk ohälsa (regionerna)", "Primary care for mental ill-health (regions)"),
    "municipalities-and-regions": ("stimulus-funds", "Stimulansmedel till kommuner och regioner", "Stimulus funds to municipalities and regions"),
    "regions-child-psychiatry-access": ("child-psychiatry-access", "Kortare köer i barn- och ungdomspsykiatrin (regionerna)", "Shorter queues in child and adolescent psychiatry (regions)"),
    "cooperation": ("cooperation", "Samverkan för personer med behov från flera huvudmän", "Cooperation for people needing several care providers"),
    "regions-trauma-care": ("trauma-care", "Psykiatrisk traumavård (regionerna)", "Psychiatric trauma care (regions)"),
    "regions-knowledge-based-care": ("knowledge-based-care", "Kunskapsbaserad och säker vård (regionerna)", "Knowledge-based and safe care (regions)"),
    "municipalities-additional": ("unspecified", "Kommunerna, ytterligare 100 milj. (ändamålet avklippt i källan)", "Municipalities, a further 100 m (purpose cut off in the source)"),
    "co-occurring-conditions": ("co-occurring-conditions", "Personer med samsjuklighet", "People with co-occurring conditions"),
    "suicide-prevention": ("suicide-prevention", "Suicidprevention", "Suicide prevention"),
    "user-involvement": ("user-involvement", "Stärkt brukarmedverkan", "Stronger user involvement"),
    "children-young-people": ("children-young-people", "Särskild satsning på barn och ungas psykiska hälsa", "Special investment in children's and young people's mental health"),
    (2015, "skr-support"): ("coordination", "SKL: utvecklingsmedel, samordning och stöd", "SKL: development funds, coordination and support"),
    (2016, "stimulus-funds"): ("stimulus-funds", "Stimulansmedel till kommuner och landsting/regioner", "Stimulus funds to municipalities and county councils/regions"),
    (2016, "regions-young-people"): ("children-young-people", "Nya initiativ för att nå unga (landstingen)", "New initiatives to reach young people (county councils)"),
    (2018, "regions-young-people"): ("unspecified", "Stimulera och rusta initiativ (regionerna; källans mening är avklippt)", "Stimulate and equip initiatives (regions; the source's sentence is cut off)"),
    (2019, "skr-support"): ("unspecified", "SKL/SKR:s del", "SKL/SKR's share"),
    (2020, "skr-support"): ("unspecified", "SKR:s del", "SKR's share"),
    (2024, "skr-support"): ("unspecified", "Till SKR", "To SKR"),
    (2024, "municipalities-and-regions"): ("unspecified", "Till kommuner och regioner", "To municipalities and regions"),
}

TITLES = {
    2012: ("Stöd till riktade insatser inom området psykisk ohälsa 2012 (PRIO, undertecknad 25 maj 2012)", "Support for targeted efforts in the area of mental ill-health 2012 (PRIO, signed 25 May 2012)"),
    2013: ("Överenskommelse inom PRIO psykisk ohälsa 2013 (prestationsbaserad)", "Agreement under PRIO mental ill-health 2013 (performance-based)"),
    2014: ("Överenskommelse om stöd till riktade insatser inom området psykisk ohälsa (PRIO) 2014", "Agreement on support for targeted efforts in the area of mental ill-health (PRIO) 2014"),
    2015: ("Stöd till riktade insatser inom området psykisk ohälsa 2015", "Support for targeted efforts in the area of mental ill-health 2015"),
    2016: ("Stöd till riktade insatser inom området psykisk ohälsa 2016", "Support for targeted efforts in the area of mental ill-health 2016"),
    2017: ("Stöd till riktade insatser inom området psykisk hälsa 2017", "Support for targeted efforts in the area of mental health 2017"),
    2018: ("Överenskommelse om psykisk hälsa 2018 (officiell titel ej kontrollerad)", "Agreement on mental health 2018 (official title not verified)"),
    2019: ("Insatser inom området psykisk hälsa 2019", "Efforts in the area of mental health 2019"),
    2020: ("Insatser inom området psykisk hälsa 2020", "Efforts in the area of mental health 2020"),
    2021: ("Insatser inom området psykisk hälsa och suicidprevention 2021–2022", "Efforts in the area of mental health and suicide prevention 2021–2022"),
    2022: ("Insatser inom området psykisk hälsa och suicidprevention 2022 (tilläggsöverenskommelse)", "Efforts in the area of mental health and suicide prevention 2022 (supplementary agreement)"),
    2024: ("Insatser inom området psykisk hälsa och suicidprevention 2024", "Efforts in the area of mental health and suicide prevention 2024"),
}
DEFAULT_SIDE_FIRST = {2015: ["total-skl-sum", "total-uph"], 2019: ["total-skr", "total-esv"]}
SKL = ["Staten (Socialdepartementet)", "Sveriges Kommuner och Landsting (SKL)"]
SKR = ["Staten (Socialdepartementet)", "Sveriges Kommuner och Regioner (SKR)"]

NOTES = {
    2020: ("Överenskommelsen har tre syften: fortsatt utveckling utifrån lokala och regionala handlingsplaner, bästa tillgängliga kunskap, och särskilda vårdformer och målgruppsanpassade insatser (SKR:s sida om Uppdrag Psykisk Hälsa, projektets källtext seeds/002).",
           "The agreement has three purposes: continued development from local and regional action plans, best available knowledge, and special forms of care and targeted efforts (SKR's Uppdrag Psykisk Hälsa page, the project's seed text seeds/002)."),
    2022: ("Antagande: anhoriga.se:s tre exempel (200 + 200 + 24 mnkr) överlappar inte de avklippta kommunraderna i SKR:s tabell; ingen källa säger något om saken.",
           "Assumption: anhoriga.se's three examples (SEK 200 m + 200 m + 24 m) do not overlap the cut-off municipal rows of SKR's table; no source says either way."),
}
TOTAL_NOTES = {
    2012: ("Inget totalbelopp för 2012 har hittats. Uppdrag Psykisk Hälsa skriver om 2012–2016: ”ca 850 000 000 kronor per år” – ett ungefärligt belopp, inte årets.",
           "No total for 2012 has been found. Uppdrag Psykisk Hälsa writes of 2012–2016 “about 850 000 000 kronor a year” – an approximation, not this year's figure."),
    2013: ("Inget totalbelopp för 2013 har hittats i någon offentlig källa.", "No total for 2013 has been found in any public source."),
    2014: ("Inget totalbelopp för 2014 har hittats i någon offentlig källa.", "No total for 2014 has been found in any public source."),
    2015: ("SKL:s två delbelopp ger 696 mnkr; Uppdrag Psykisk Hälsas lättlästa sida anger 844 mnkr. 2016 års överenskommelse sägs vara ”en ökning med 150 miljoner jämfört med 2015”: 845 − 150 = 695 ≈ 696, inte 844. 844 kan vara budgetsumman för hela området snarare än överenskommelsen.",
           "SKL's two amounts give SEK 696 m; Uppdrag Psykisk Hälsa's easy-read page says SEK 844 m. The 2016 agreement is said to be “an increase of 150 million compared with 2015”: 845 − 150 = 695 ≈ 696, not 844. 844 may be the budget for the whole area rather than the agreement."),
    2018: ("Stämmer med 2017 års 885 mnkr + 529 mnkr (”en ökning med 529 miljoner från föregående år”).",
           "Matches 2017's SEK 885 m + 529 m (“an increase of 529 million from the previous year”)."),
    2019: ("SKR anger 1 774 mnkr (= 2018 års 1 414 + 360); regeringens regleringsbrev avsätter 1 744 mnkr. Ingen av uppgifterna väljs.",
           "SKR states SEK 1,774 m (= 2018's 1,414 + 360); the government's funding letter sets aside SEK 1,744 m. Neither is chosen."),
}
OPEN_QUESTIONS = {
    2012: [("Överenskommelsens totalbelopp har inte hittats; bara stimulansmedlen på 350 mnkr är kända.", "The agreement's total has not been found; only the SEK 350 m of stimulus funds is known.")],
    2013: [("Överenskommelsens totalbelopp har inte hittats; bara prestationsmedlen på 630 mnkr är kända.", "The agreement's total has not been found; only the SEK 630 m of performance funds is known.")],
    2014: [("Överenskommelsens totalbelopp har inte hittats; bara prestationsmedlen på 630 mnkr är kända.", "The agreement's total has not been found; only the SEK 630 m of performance funds is known.")],
    2015: [("Vilken total stämmer: 844 mnkr (Uppdrag Psykisk Hälsa) eller 696 mnkr (SKL:s två delbelopp)? Och vad är i så fall de 148 mnkr som skiljer?", "Which total is right: SEK 844 m (Uppdrag Psykisk Hälsa) or SEK 696 m (SKL's two amounts)? And if 844, what are the SEK 148 m in between?")],
    2018: [("Vad regionernas återstående 64 mnkr (av 884) gick till.", "What the regions' remaining SEK 64 m (of 884) went to."),
           ("Hela ändamålet för regionernas 250 mnkr: källans mening är avklippt.", "The full purpose of the regions' SEK 250 m: the source's sentence is cut off.")],
    2019: [("Vilken total stämmer: 1 774 mnkr (SKR) eller 1 744 mnkr (regleringsbrevet)?", "Which total is right: SEK 1,774 m (SKR) or SEK 1,744 m (the funding letter)?"),
           ("24 mnkr av kommunernas och regionernas 1 734 mnkr har inte kunnat knytas till någon post.", "SEK 24 m of the municipalities' and regions' SEK 1,734 m could not be tied to any item.")],
    2020: [("574 mnkr av kommunernas och regionernas 1 694 mnkr är inte nedbrutna i någon hittad källa.", "SEK 574 m of the municipalities' and regions' SEK 1,694 m is not broken down in any source found."),
           ("Ändamålet för kommunernas andra 100 mnkr: källans text är avklippt.", "The purpose of the municipalities' second SEK 100 m: the source's text is cut off.")],
    2021: [("Ingen fördelning av 2021 års 1 680 mnkr har hittats.", "No breakdown of 2021's SEK 1,680 m has been found.")],
    2022: [("277 mnkr av 1 635 mnkr är inte nedbrutna i någon hittad källa.", "SEK 277 m of 1,635 m is not broken down in any source found."),
           ("Om anhoriga.se:s tre exempel överlappar SKR:s (avklippta) kommunrader.", "Whether anhoriga.se's three examples overlap SKR's (cut-off) municipal rows.")],
    2024: [("Hur kommunernas och regionernas 1 527 mnkr fördelas.", "How the municipalities' and regions' SEK 1,527 m is split."),
           ("Var den särskilda satsningen på barn och unga (803 mnkr) ligger: ingen källa placerar den inom 1 527 mnkr eller anger mottagare.", "Where the special investment in children and young people (SEK 803 m) sits: no source places it inside the SEK 1,527 m or names its recipients.")],
}


def amount(text):
    """`kr 1 414 000 000` → 1414000000."""
    match = re.match(r"kr ([\d ]+)$", text.strip())
    return int(match.group(1).replace(" ", "")) if match else None


def millions(kronor, lang):
    m = kronor / 1_000_000
    whole = f"{m:,.0f}" if m == int(m) else f"{m:,.1f}"
    if lang == "sv":
        return whole.replace(",", "\u202f").replace(".", ",") + "\u00a0mnkr"
    return "SEK\u00a0" + whole + "\u00a0m"


def how_text(expression, result, lang):
    """`1 774 000 000 − 1 734 000 000` → `1 774 mnkr − 1 734 mnkr = 40 mnkr`."""
    def swap(match):
        value = int(match.group(0).replace(" ", ""))
        return millions(value, lang) if value >= 100_000 else match.group(0)
    text = re.sub(r"\d{1,3}(?: \d{3})+", swap, expression)
    return f"{text} = {millions(result, lang)}"


def parse_sources_line(line):
    match = re.search(r"\*\*\[(\w+)\]\*\* (.+?) — \"(.+?)\"(.*)$", line)
    if not match:
        return None
    key, publisher, title, rest = match.groups()
    url = re.search(r"(https?://\S+)", rest)
    return key, {"id": SOURCE_IDS[key], "publisher": PUBLISHERS.get(key, publisher.strip()), "title": title,
                 **({"url": url.group(1)} if url else {})}


QUOTE = re.compile(r'^\s+\[(\w+)\] as written "(.+?)" — "(.*?)"(?: \((?:[^()]|\([^()]*\))*\))?$')
ALSO = re.compile(r'^\s+\(also \[(\w+)\] "(.*)"\)$')


def sections(text):
    parts = re.split(r"^## (\d{4}) — ", text, flags=re.M)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def parse_year(year, body):
    sources = {}
    entries = []
    for line in body.split("\n"):
        if line.startswith("## "):
            break
        if "**[" in line and (line.startswith("Sources:") or line.startswith("- **[")):
            parsed = parse_sources_line(line)
            if parsed:
                sources[parsed[0]] = parsed[1]
        elif line.startswith("- `"):
            fields = [f.strip() for f in line[2:].split(" · ")]
            entries.append({"id": fields[0].strip("`"), "fields": fields, "quotes": [], "also": []})
        elif entries and QUOTE.match(line):
            key, as_written, quote = QUOTE.match(line).groups()
            # "250 miljoner kronor … vardera" marks words between; the number is the first part.
            as_written = as_written.split(" … ")[0]
            entries[-1]["quotes"].append((key, as_written, quote))
        elif entries and ALSO.match(line):
            entries[-1]["also"].append(ALSO.match(line).groups())
    return sources, entries


def build(year, body, all_sources):
    _, entries = parse_year(year, body)
    kept = KEPT_IDS.get(year, {})
    data_id = lambda source_id: kept.get(source_id, source_id)
    by_id = {e["id"]: e for e in entries}
    alternatives_of_total = {}
    cited = []

    def cite(key):
        if key not in cited:
            cited.append(key)
        return SOURCE_IDS[key]

    def words(entry):
        key, as_written, quote = entry["quotes"][0]
        return cite(key), as_written, quote

    def status_of(fields):
        return next((f for f in fields if f.startswith(("stated", "derived", "disputed", "**disputed"))), "")

    def derived_parts(status, kronor):
        expression = status.split("derived: ", 1)[1]
        # The inputs are named in the first parenthesis: "(`total` − `municipalities-and-regions`)".
        named = re.search(r"\(([^)]*)\)", expression)
        ids = re.findall(r"`([a-z0-9-]+)`", named.group(1) if named else "")
        expression = re.sub(r"\s*\(.*$", "", expression)
        inputs, srcs = [], []
        for i in ids:
            inputs.append("total" if i in alternatives_of_total or i == "total" else data_id(i))
            src_entry = by_id.get(i)
            for key, _, _ in (src_entry or {"quotes": []})["quotes"][:1]:
                if SOURCE_IDS[key] not in srcs:
                    srcs.append(cite(key))
        inputs = list(dict.fromkeys(inputs))
        how = {"sv": how_text(expression, kronor, "sv"), "en": how_text(expression, kronor, "en")}
        return how, srcs, inputs

    def stated(entry, kronor):
        source, as_written, quote = words(entry)
        figure = {"status": "stated", "kronor": kronor, "source": source, "as_written": as_written, "quote": quote}
        confirmations = []
        for key, as_written2, quote2 in entry["quotes"][1:]:
            confirmations.append({"source": cite(key), "as_written": as_written2, "quote": quote2})
        for key, quote2 in entry["also"]:
            if as_written in quote2:
                confirmations.append({"source": cite(key), "as_written": as_written, "quote": quote2})
        if confirmations:
            figure["confirmed_by"] = confirmations
        return figure

    total_entry = by_id["total"]
    total_fields = total_entry["fields"]
    if "disputed" in total_fields[1]:
        for alt in re.findall(r"`(total-[a-z-]+)`", total_fields[1]):
            alternatives_of_total[alt] = by_id[alt]
    # Alternatives first: derived figures may name them.
    total = None
    if alternatives_of_total:
        alternatives = []
        for alt_id, entry in alternatives_of_total.items():
            kronor = amount(entry["fields"][1])
            status = status_of(entry["fields"])
            if status.startswith("stated"):
                source, as_written, quote = words(entry)
                alternatives.append({"id": alt_id, "kronor": kronor, "source": source, "as_written": as_written, "quote": quote})
            else:
                how, srcs, inputs = derived_parts(status, kronor)
                alternatives.append({"id": alt_id, "kronor": kronor, "source": srcs[0], "how": how, "inputs": inputs})
        # The first side is the bridge's default: kept as in the earlier data,
        # so that shared links without from_source= show what they showed.
        alternatives.sort(key=lambda a: DEFAULT_SIDE_FIRST[year].index(a["id"]))
        total = {"status": "disputed", "alternatives": alternatives}
    elif total_fields[1] == "unknown":
        total = {"status": "unknown"}
    else:
        total = stated(total_entry, amount(total_fields[1]))
    if year == 2018:
        total.setdefault("confirmed_by", []).append({
            "source": SEED_2018["id"], "as_written": "1414 miljoner kronor",
            "quote": "Under 2018 fördelades 1414 miljoner kronor till kommuner och regioner för att stärka arbetet att minska den psykiska ohälsan.",
        })
    if year in TOTAL_NOTES:
        sv, en = TOTAL_NOTES[year]
        total["note"] = {"sv": sv, "en": en}

    allocations = []
    for entry in entries:
        if entry["id"] == "total" or entry["id"] in alternatives_of_total:
            continue
        fields = entry["fields"]
        kronor = amount(fields[1])
        recipient = fields[2]
        status = status_of(fields)
        placement = next(f for f in fields if f.startswith(("in `", "of which `")) or " in `" in f)
        parent = re.search(r"`([a-z0-9-]+)`", placement).group(1)
        item_id = data_id(entry["id"])
        purpose, label_sv, label_en = ITEMS.get((year, item_id)) or ITEMS[item_id]
        if status.startswith("stated"):
            figure = stated(entry, kronor)
        else:
            how, srcs, inputs = derived_parts(status, kronor)
            figure = {"status": "derived", "kronor": kronor, "how": how, "sources": srcs, "inputs": inputs}
        allocation = {
            "id": item_id,
            "parent": None if parent in ("top", "total") else data_id(parent),
            "label": {"sv": label_sv, "en": label_en},
            "recipient": recipient,
            "purpose": purpose,
            "amount": figure,
        }
        view = re.search(r"\(view ([AB])\)", placement)
        if view:
            allocation["split"] = {"A": "recipient", "B": "purpose"}[view.group(1)]
        if placement.startswith("of which"):
            allocation["of_which"] = True
        only = re.search(r"valid only under `([a-z-]+)`", " ".join(fields))
        if only:
            allocation["only_under"] = only.group(1)
        allocations.append(allocation)

    # In the order sources.md lists them; a year may cite another year's
    # source (2017 cites U18; 2022 cites ANH22 of 2021).
    order = list(SOURCE_IDS)
    cited.sort(key=order.index)
    source_list = [dict(all_sources[key]) for key in cited]
    if year == 2018:
        source_list.append(dict(SEED_2018))
    title_sv, title_en = TITLES[year]
    document = {
        "$schema": "../schema/agreement.schema.json",
        "format_version": 2,
        "year": year,
        "title": {"sv": title_sv, "en": title_en},
        "parties": SKR if year >= 2020 else SKL,
        "total": total,
        "allocations": allocations,
        "sources": source_list,
    }
    if year in NOTES:
        document["note"] = {"sv": NOTES[year][0], "en": NOTES[year][1]}
    if year in OPEN_QUESTIONS:
        document["open_questions"] = [{"sv": sv, "en": en} for sv, en in OPEN_QUESTIONS[year]]
    return document


def series_files(text):
    """kpi.json and population.json from the KPI and population tables."""
    kpi_section = text.split("## Consumer price index", 1)[1].split("\n## ", 1)[0]
    kpi_url = re.search(r"\*\*\[SCB-KPI\]\*\* SCB — \"(.+?)\" — (\S+)", kpi_section)
    kpi_points = []
    for year, value, _written, quote in re.findall(r'^\| (\d{4}) \| ([\d.]+) \| ([\d,]+) \| "(.+?)" \|$', kpi_section, re.M):
        kpi_points.append({"year": int(year), "value": float(value), "status": "stated", "quote": quote})
    provisional = re.search(r"\*\*2024: ([\d.]+) — provisional", kpi_section)
    kpi_points.append({
        "year": 2024, "value": float(provisional.group(1)), "status": "provisional",
        "note": {
            "sv": "Preliminärt: SCB:s tabell slutar i mars 2024. Medelvärdet av januari–november 2024 (412,74 … 416,75, Björn Lundén) är 415,01; 415,15 motsvarar en uppskattad december på 416,67. Byts mot SCB:s fastställda årsmedel.",
            "en": "Provisional: SCB's table stops at March 2024. The mean of January–November 2024 (412.74 … 416.75, Björn Lundén) is 415.01; 415.15 implies an estimated December of 416.67. To be replaced by SCB's final annual mean.",
        },
        "source": {"publisher": "Björn Lundén", "title": "Konsumentprisindex (KPI) – aktuella och historiska",
                   "url": "https://bjornlunden.com/se/bjornkoll/blogg/konsumentprisindex-kpi-aktuella-och-historiska/"},
    })
    kpi = {
        "$schema": "schema/series.schema.json", "format_version": 2,
        "label": {"sv": "Konsumentprisindex (KPI), årsmedel", "en": "Consumer price index (CPI), annual mean"},
        "unit": {"sv": "index, 1980 = 100", "en": "index, 1980 = 100"},
        "source": {"publisher": "SCB (Statistiska centralbyrån)", "title": kpi_url.group(1), "url": kpi_url.group(2)},
        "points": kpi_points,
    }

    pop_section = text.split("## Population of Sweden", 1)[1].split("\n## ", 1)[0]
    pop_sources = {}
    for line in pop_section.split("\n"):
        match = re.match(r"- \*\*\[([\w-]+)\]\*\* (.+?) — \"(.+?)\"(?: \([^)]*\))? — (\S+)", line)
        if match:
            key, publisher, title, url = match.groups()
            pop_sources[key] = {"publisher": publisher, "title": title, "url": url}
    quotes = {
        "SCB-PM21": "Den officiella befolkningssiffran för 2021 (det vill säga den folkbokförda befolkningen den 31 december) var 10 452 326 invånare.",
        "SCB-M23": "December 10 521 556",
        "SCB-24": "Riket | 10 587 710 | 36 003 |",
    }
    row = re.search(r'row "(Folkmängd 31 december[^"]+)"', pop_section).group(1)
    quotes["SCB-SUM"] = row
    points = []
    for year, value, status, key in re.findall(r"^\| (\d{4}) \| ([\d ]+) \| (stated|derived)[^|]*\| \[([\w-]+)\]", pop_section, re.M):
        point = {"year": int(year), "value": int(value.replace(" ", "")), "status": status,
                 "source": pop_sources[key], "quote": quotes[key]}
        if status == "derived":
            point["note"] = {
                "sv": "10 587 710 − 36 003: folkmängden 2024 minus folkökningen 2024 (SCB). Samma tal anges av Håboportalen med SCB som källa.",
                "en": "10,587,710 − 36,003: the 2024 population minus the 2024 increase (SCB). Håboportalen gives the same number, citing SCB.",
            }
        points.append(point)
    population = {
        "$schema": "schema/series.schema.json", "format_version": 2,
        "label": {"sv": "Sveriges folkmängd den 31 december", "en": "Population of Sweden on 31 December"},
        "unit": {"sv": "personer", "en": "people"},
        "source": {"publisher": "SCB (Statistiska centralbyrån)", "title": "Folkmängd den 31 december",
                   "url": pop_sources["SCB-SUM"]["url"]},
        "points": points,
    }
    return {"kpi.json": kpi, "population.json": population}


def main():
    text = SOURCES.read_text(encoding="utf-8")
    years = sections(text)
    all_sources = {}
    for body in years.values():
        all_sources.update(parse_year(0, body)[0])
    check = "--check" in sys.argv
    differ = []
    for year in YEARS:
        document = build(year, years[year], all_sources)
        written = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        path = OUT / f"{year}.json"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != written:
                differ.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(written, encoding="utf-8")
    # The example a visitor starts an own file from: 2024, as built above.
    example = build(2024, years[2024], all_sources)
    example["$schema"] = "data/schema/agreement.schema.json"
    example["title"] = {"sv": "Exempel: min budget utifrån överenskommelsen 2024", "en": "Example: my budget based on the 2024 agreement"}
    example.pop("open_questions", None)
    example["note"] = {
        "sv": "Exempelfil. Beloppen och källorna är de från 2024 års överenskommelse. Ändra år, titel, belopp, poster och källor till dina egna och läs in filen i budgetutforskaren. as_written och quote är frivilliga; finns de måste talet stå ordagrant i citatet. Formatet beskrivs i docs/data-format.md och i data/schema/agreement.schema.json.",
        "en": "Example file. The amounts and sources are those of the 2024 agreement. Change the year, title, amounts, items and sources to your own and load the file into the budget explorer. as_written and quote are optional; where given, the number must occur verbatim in the quote. The format is described in docs/data-format.md and data/schema/agreement.schema.json.",
    }
    series = series_files(text)
    series["../example-agreement.json"] = example
    for name, document in series.items():
        written = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        path = OUT.parent / name
        if check:
            if path.read_text(encoding="utf-8") != written:
                differ.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(written, encoding="utf-8")
    if differ:
        print("Not what docs/sources.md builds (run scripts/build-data.py):", *differ, sep="\n  ")
        sys.exit(1)
    if check:
        print(f"data: {len(YEARS)} agreement files, kpi.json and population.json match docs/sources.md")


if __name__ == "__main__":
    main()
