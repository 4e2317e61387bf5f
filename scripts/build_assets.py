#!/usr/bin/env python3
"""Derive the app's assets/ from ../shared/geodata (run from the project root):

    python3 scripts/build_assets.py [GEODATA_DIR]

Needs /usr/share/dict/words (Debian: `apt-get install wamerican`) to tell place names that are
also English words.

assets/gazetteer.json, one entry a line, in this order:
1. the curated gazetteer (regions, corridor, towns, districts, bridges, lakes, mountains, with
   their canonical names), plus the Murov range;
2. a district or province for every first-level unit of Who's On First (WOF) not curated;
3. every populated place of WOF (Armenia and Azerbaijan, incl. Karabakh and Nakhchivan):
   places within a few km of a curated place or of each other under a shared name are merged;
4. dr5hn towns that neither of the above holds.

Each entry: {name, alt_names, kind, lat, lon, country, admin?, population?, minor?, context?,
context_names?, names: {en?, az?, hy?, ru?}}. Kinds: city, town, village, district, province, region, country,
corridor, landmark. `admin` is the district (AZ) or province (AM) a place lies in; `minor` marks
WOF's low-value later additions (ruins, shrines, old sites), whose names all need a place
context (`context`); `context_names` lists the spellings that are also English words, people's
names or very short: the extractor takes such a name only where the sentence treats it as a
place. Alternate spellings include Azerbaijani Latin names
rendered in English (ş→sh, ç→ch, x→kh, ğ→gh, c→j, q→g or k, ə→e or a, ı→i or y).

The basemap GeoJSON files are copied unchanged (their sources are in SOURCES.md).
"""
import csv, json, math, os, re, shutil, sys, unicodedata
from itertools import product

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/geodata"
OUT = "assets"
WORDS = "/usr/share/dict/words"

APOSTROPHES = "'’‘ʼʻ`´"
HYPHENS = "-‐‑‒–"


def fold(s):
    """The extractor's fold (core/src/gazetteer.rs): lower case, no diacritics, ə→e, ı→i,
    apostrophes dropped, hyphens as spaces, one space between words."""
    s = s.replace("ə", "e").replace("Ə", "E").replace("ǝ", "e").replace("ı", "i").replace("İ", "I")
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("և", "եւ")
    for a in APOSTROPHES:
        s = s.replace(a, "")
    for h in HYPHENS:
        s = s.replace(h, " ")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.split())


def km(a, b):
    p = math.pi / 180
    h = (math.sin((b[0] - a[0]) * p / 2) ** 2 +
         math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


AZ_ONLY = set("əƏǝşŞçÇğĞıİ")


def english_renderings(name, azerbaijani=False):
    """English spellings of an Azerbaijani Latin name: Ağcabədi → Aghjabadi, Aghjabedi…;
    Qubadlı → Gubadli, Kubadly…; Xankəndi → Khankendi. At most 8. A name counts as
    Azerbaijani when it has a letter only Azerbaijani uses, or when it comes from an
    Azerbaijani field and has no English digraph (Xocalı yes, Khojaly no)."""
    english = any(d in name.lower() for d in ("ch", "sh", "kh", "gh", "zh", "dzh"))
    if not (any(ch in AZ_ONLY for ch in name) or (azerbaijani and not english)):
        return []
    fixed = {"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "gh", "Ğ": "Gh", "x": "kh", "X": "Kh",
             "c": "j", "C": "J", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U"}
    base = "".join(fixed.get(ch, ch) for ch in name)
    choices = []
    for letters, options in ((("q", "Q"), ("g", "k")), (("ə", "Ə", "ǝ"), ("a", "e")), (("ı",), ("i", "y"))):
        if any(l in base for l in letters):
            choices.append((letters, options))
    out = []
    for picks in product(*[c[1] for c in choices]):
        s = base
        for (letters, _), pick in zip(choices, picks):
            for l in letters:
                s = s.replace(l, pick.upper() if l.isupper() else pick)
        if s not in out:
            out.append(s)
    return out[:8]


def latin(s):
    """Latin script: Latin letters with their extensions (ə is IPA, ǝ Latin Extended-B), no
    Cyrillic, Armenian or other scripts."""
    return all(ord(c) < 0x370 or 0x1E00 <= ord(c) <= 0x1EFF or c in APOSTROPHES + HYPHENS for c in s)


def usable(name):
    f = fold(name)
    return len(f) >= 3 and "(" not in name and not any(ch.isdigit() for ch in name)


# People's names and other words news uses for other things than these places.
PERSONS = {"aliyev", "pashinyan", "putin", "erdogan", "nizami", "lenin", "kirov", "shaumyan",
           "shahumyan", "gagarin", "pushkin", "pushkino", "kamo", "vahan", "madina", "griboyedov",
           "lukashin", "mayakovski", "dimitrov", "nalbandyan", "baghramyan", "myasnikyan",
           "spandaryan", "orjonikidze", "narimanov", "samed vurgun", "azizbekov", "fizuli",
           "karl marks", "engels", "kalinin", "frunze", "mikoyan", "sultan", "emir", "stalin",
           "hayk", "tigran", "aram", "arshak", "garnik", "karen", "karin", "artur", "armen",
           "ararat", "aragats", "masis", "sevan", "arevik", "kazakh", "tatar", "arab", "malay",
           "pravda", "reyna", "rama", "sagan", "mosul", "khazar", "sabir", "zhdanov", "kuybyshev",
           "nor", "hin", "mets", "verin", "nerkin", "yeni", "boyuk", "kichik", "orta"}


def words():
    try:
        with open(WORDS, encoding="utf-8") as fh:
            return {w.strip().lower() for w in fh if w.strip() and w.strip()[0].islower()}
    except OSError:
        sys.exit(f"{WORDS} is missing: apt-get install wamerican")


def curated_kind(e):
    k = e["kind"]
    if k == "province" and e["admin"] == "AZ":
        return "district"
    if k in ("lake", "mountain", "bridge"):
        return "landmark"
    return k


# Added here, not in the shared curated file: the Murov range (Wikipedia, CC BY-SA: range
# coordinates 40.2667 N, 46.3167 E).
EXTRA_CURATED = [
    {"name": "Murov mountains", "alt_names": ["Murov range", "Murov ridge", "Murovdag", "Murovdagh",
                                              "Murovdağ", "Murov", "Mrav", "Mrav mountains",
                                              "Муровдаг", "Մռավի լեռնաշղթա"],
     "kind": "mountain", "lat": 40.2667, "lon": 46.3167, "admin": "AZ"},
]

DISTRICT_SUFFIXES = ("district", "region", "rayon", "raion", "province", "marz")


class Gazetteer:
    def __init__(self):
        self.entries = []
        self.by_key = {}  # folded spelling -> [entry index]

    def add(self, entry):
        i = len(self.entries)
        self.entries.append(entry)
        for n in [entry["name"]] + entry["alt_names"]:
            self.by_key.setdefault(fold(n), []).append(i)
        return i

    def add_names(self, i, names):
        e = self.entries[i]
        have = {fold(n) for n in [e["name"]] + e["alt_names"]}
        for n in names:
            f = fold(n)
            if f and f not in have:
                e["alt_names"].append(n)
                have.add(f)
                self.by_key.setdefault(f, []).append(i)

    def near(self, names, lat, lon, radius_km, kinds=None):
        """An entry within radius_km sharing a spelling with `names`."""
        for n in names:
            for i in self.by_key.get(fold(n), []):
                e = self.entries[i]
                if kinds and e["kind"] not in kinds:
                    continue
                if km((lat, lon), (e["lat"], e["lon"])) <= radius_km:
                    return i
        return None


def curated(g):
    for e in json.load(open(os.path.join(SRC, "gazetteer.json"), encoding="utf-8")) + EXTRA_CURATED:
        alts = []
        for a in e["alt_names"]:
            if "(" in a and "mistranslation" in a:
                continue
            a = re.sub(r"\s*\(.*?\)\s*", "", a).strip() if a.endswith(")") and not a.startswith(e["name"]) else a
            if a and a not in alts and a != e["name"]:
                alts.append(a)
        kind = curated_kind(e)
        if kind in ("district", "province") and " " in e["name"]:
            base = e["name"].rsplit(" ", 1)[0]
            alts += [f"{base} {s}" for s in DISTRICT_SUFFIXES]
        for a in list(alts):
            alts += [r for r in english_renderings(a, e["admin"] == "AZ") if r not in alts]
        entry = {"name": e["name"], "alt_names": alts, "kind": kind, "lat": e["lat"], "lon": e["lon"],
                 "country": e["admin"], "names": {}}
        g.add(entry)


def wof_rows():
    with open(os.path.join(SRC, "wof_AM_AZ_places.tsv"), encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ADMIN_SKIP = {"Yerevan", "Baku", "Ganja", "Mingachevir", "Naftalan", "Sumgait", "Shirvan",
              "Nakhchivan AR", "Khankendi (Stepanakert)"}


def districts(g, rows):
    """A district (AZ) or province (AM) for every first-level unit the populated places name,
    at the mean of its places, unless curated."""
    groups = {}
    for r in rows:
        if r["feature_class"] == "P" and r["admin1"] and "(city)" not in r["admin1"]:
            groups.setdefault((r["country"], r["admin1"]), []).append((float(r["latitude"]), float(r["longitude"])))
    added = 0
    for (cc, admin), points in sorted(groups.items()):
        if admin in ADMIN_SKIP:
            continue
        kind, noun = ("district", "District") if cc == "AZ" else ("province", "Province")
        name = f"{admin} {noun}"
        alts = [f"{admin} {s}" for s in DISTRICT_SUFFIXES]
        if fold(name) in g.by_key:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        g.add({"name": name, "alt_names": alts, "kind": kind, "lat": round(lat, 5), "lon": round(lon, 5),
               "country": cc, "names": {"en": name}})
        added += 1
    return added


def place_names(r):
    """Every spelling of a WOF place worth matching: Latin names, their English renderings,
    the Russian and Armenian names."""
    az = r["country"] == "AZ"
    latin_names = [(r["name_en"], False), (r["asciiname"], False), (r["name"], az), (r["name_az"], True),
                   (r["name_hy_latin"], False)]
    latin_names += [(n, False) for n in r["latin_altnames"].split(",")]
    out = []
    for n, azerbaijani in latin_names:
        n = n.strip()
        if n and latin(n) and usable(n):
            for v in [n] + english_renderings(n, azerbaijani):
                if v not in out:
                    out.append(v)
    for n in (r["name_ru"], r["name_hy"]):
        n = n.strip()
        if n and usable(n) and n not in out:
            out.append(n)
    return out


def communities_as_places(rows):
    """Armenian communities (ADM3) whose name no populated place near them bears: some villages
    (Yeraskh, Norabak) are only there."""
    places = [r for r in rows if r["feature_class"] == "P"]
    by_name = {}
    for r in places:
        for n in place_names(r):
            by_name.setdefault(fold(n), []).append((float(r["latitude"]), float(r["longitude"])))
    out = []
    for r in rows:
        if r["feature_code"] != "ADM3":
            continue
        point = (float(r["latitude"]), float(r["longitude"]))
        if any(km(point, p) < 25 for n in place_names(r) for p in by_name.get(fold(n), [])):
            continue
        out.append(dict(r, feature_class="P", feature_code="PPL"))
    return out


def wof_places(g, rows, english):
    added = merged = 0
    places = [r for r in rows if r["feature_class"] == "P"] + communities_as_places(rows)
    # prominent first, so that merged duplicates keep the better record
    places.sort(key=lambda r: (-(int(r["population"] or 0)), r["minor"] == "1", r["wof_id"]))
    for r in places:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        names = place_names(r)
        if not names:
            continue
        pop = int(r["population"] or 0)
        i = g.near(names, lat, lon, 15, kinds=("city", "town", "village", "region", "corridor", "landmark"))
        if i is None:
            i = g.near(names, lat, lon, 3)
        if i is not None:
            g.add_names(i, names)
            e = g.entries[i]
            e.setdefault("admin", r["admin1"])
            if pop and not e.get("population"):
                e["population"] = pop
            for lang, key in (("en", "name_en"), ("az", "name_az"), ("hy", "name_hy"), ("ru", "name_ru")):
                if r[key] and lang not in e["names"]:
                    e["names"][lang] = r[key]
            merged += 1
            continue
        code = r["feature_code"]
        kind = "city" if pop >= 100_000 else "town" if pop >= 5_000 or code in ("PPLA", "PPLA2") else "village"
        # the English name; for an Azerbaijani place without one, its Azerbaijani name as the
        # English-language press renders it (Şıxarx → Shikharkh), else GeoNames' ASCII name
        rendered = english_renderings(r["name_az"] or r["name"], True) if r["country"] == "AZ" else []
        name = r["name_en"] or (rendered[0] if rendered else "") or r["asciiname"] or r["name"]
        if any(ch in AZ_ONLY or ch in "öÖüÜ" for ch in name):
            name = (english_renderings(name, True) or [name])[0]
        if not usable(name):
            name = names[0]
        # "Nerk'in Hand" is better shown as "Nerkin Hand" where a spelling without the
        # apostrophes is known
        if any(a in name for a in APOSTROPHES):
            plain = [n for n in names if fold(n) == fold(name) and not any(a in n for a in APOSTROPHES)]
            name = plain[0] if plain else "".join(c for c in name if c not in APOSTROPHES)
        entry = {"name": name, "alt_names": [n for n in names if fold(n) != fold(name)], "kind": kind,
                 "lat": round(lat, 5), "lon": round(lon, 5), "country": r["country"], "admin": r["admin1"],
                 "names": {lang: r[key] for lang, key in (("en", "name_en"), ("az", "name_az"),
                                                           ("hy", "name_hy"), ("ru", "name_ru")) if r[key]}}
        if pop:
            entry["population"] = pop
        if r["minor"] == "1":
            entry["minor"] = True
        g.add(entry)
        added += 1
    return added, merged


def dr5hn(g):
    added = 0
    for cc in ("AM", "AZ"):
        d = json.load(open(os.path.join(SRC, "dr5hn", f"{cc}.json"), encoding="utf-8"))
        for state in d["states"].values():
            for city in state.get("cities", {}).values():
                name = city["name"].strip()
                if not usable(name) or not city.get("latitude"):
                    continue
                lat, lon = float(city["latitude"]), float(city["longitude"])
                i = g.near([name], lat, lon, 15)
                if i is not None:
                    continue
                if fold(name) in g.by_key:
                    continue  # the same spelling names another place: WOF's point wins
                g.add({"name": name, "alt_names": [], "kind": "town", "lat": round(lat, 5),
                       "lon": round(lon, 5), "country": cc, "names": {}})
                added += 1
    return added


def mark_context(g, english, curated_count):
    """Spellings that are English words, people's names or very short need a place context:
    they are listed in `context_names` (all spellings of a minor place need one: `context`).
    Curated places are known by their names and exempt."""
    count = 0
    for e in g.entries[curated_count:]:
        if e["kind"] in ("country", "region", "corridor"):
            continue
        if e.get("minor"):
            e["context"] = True
            count += 1
            continue
        risky = []
        for n in [e["name"]] + e["alt_names"]:
            f = fold(n)
            if latin(n) and (f in english or f in PERSONS or len(f.replace(" ", "")) <= 3) and n not in risky:
                risky.append(n)
        if risky:
            e["context_names"] = risky
            count += 1
    return count


def distinguish_names(g):
    """Every entry a name of its own: a later place bearing an earlier one's name is shown with
    its district or province ("Aghdam (Tovuz)"), as events, ids and labels are named after it."""
    seen = set()
    renamed = 0
    for e in g.entries:
        name = e["name"]
        if name in seen and e.get("admin"):
            if e["name"] not in e["alt_names"]:
                e["alt_names"].insert(0, e["name"])
            name = f"{e['name']} ({e['admin']})"
            k = 2
            while name in seen:
                name = f"{e['name']} ({e['admin']} {k})"
                k += 1
            e["name"] = name
            renamed += 1
        seen.add(name)
    return renamed


def main():
    english = words()
    os.makedirs(OUT, exist_ok=True)
    g = Gazetteer()
    curated(g)
    n_curated = len(g.entries)
    rows = wof_rows()
    n_districts = districts(g, rows)
    n_wof, n_merged = wof_places(g, rows, english)
    n_dr5hn = dr5hn(g)
    n_context = mark_context(g, english, n_curated)
    n_renamed = distinguish_names(g)
    with open(os.path.join(OUT, "gazetteer.json"), "w", encoding="utf-8") as fh:
        fh.write("[\n")
        for k, e in enumerate(g.entries):
            e = {k2: v for k2, v in e.items() if v not in ({}, None)}
            fh.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")))
            fh.write(",\n" if k + 1 < len(g.entries) else "\n")
        fh.write("]\n")
    for name in ("countries.geojson", "admin1.geojson", "karabakh_outlines.geojson", "lachin_corridor.geojson", "SOURCES.md"):
        shutil.copyfile(os.path.join(SRC, name), os.path.join(OUT, name))
    print(f"gazetteer: {len(g.entries)} entries: {n_curated} curated, {n_districts} districts and provinces, "
          f"{n_wof} WOF places ({n_merged} more merged into others), {n_dr5hn} dr5hn towns; "
          f"{n_context} need a place context; {n_renamed} names completed with their district")


if __name__ == "__main__":
    main()
