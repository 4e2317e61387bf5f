#!/usr/bin/env python3
"""Derive the app's assets/ from ../shared/geodata (run from the project root).

assets/gazetteer.json: the curated gazetteer first (canonical names, alternate spellings),
then dr5hn towns and Armenian provinces for breadth. Each entry:
{name, alt_names, kind, lat, lon, country, notes?}. Kinds: city, town, village, district,
province, region, country, corridor, landmark.
The basemap GeoJSON files are copied unchanged (their sources are in SOURCES.md).
"""
import json, math, os, re, shutil, sys, unicodedata

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/geodata"
OUT = "assets"

def fold(s):
    s = s.replace("ə", "e").replace("Ə", "E").replace("ı", "i").replace("’", "'")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()

def km(a, b):
    p = math.pi / 180
    h = (math.sin((b[0] - a[0]) * p / 2) ** 2 +
         math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))

# dr5hn names that are ordinary English words or too short to match safely in news text.
UNSAFE = {"saray", "sus", "kut", "berd", "tegh", "bina", "ada", "nardaran", "lerik", "masis",
          "ararat", "armavir", "ani", "dasht", "hats", "gay", "park", "bank", "bar", "tala",
          # people, streets and words more often meant otherwise in news text
          "kamo", "basen", "vahan", "madina", "gagarin", "nizami", "shahumyan", "griboyedov",
          "pushkino", "lukashin", "mayakovski", "dimitrov", "nalbandyan", "baghramyan", "myasnikyan",
          "spandaryan", "orjonikidze", "vank", "qala", "puta", "samur", "deste", "dalar", "ramana",
          "fantan", "solak", "kosh", "ushi", "karbi", "navur", "zarr", "shatin", "areni", "sevan",
          "mughan", "sovetabad", "severo-vostotchnyi bank", "arevik", "nizami rayonu", "zorak",
          "vahagni", "bazum", "aragats", "shirak", "amasia", "sharur city", "kasakh"}

def curated_kind(e):
    k = e["kind"]
    if k == "province" and e["admin"] == "AZ":
        return "district"
    if k in ("lake", "mountain", "bridge"):
        return "landmark"
    return k

def main():
    os.makedirs(OUT, exist_ok=True)
    out = []
    seen = {}
    for e in json.load(open(os.path.join(SRC, "gazetteer.json"), encoding="utf-8")):
        alts = []
        for a in e["alt_names"]:
            if "(" in a and "mistranslation" in a:
                continue
            a = re.sub(r"\s*\(.*?\)\s*", "", a).strip() if a.endswith(")") and not a.startswith(e["name"]) else a
            if a and a not in alts and a != e["name"]:
                alts.append(a)
        kind = curated_kind(e)
        # "Tartar District" is also written "Tartar district", "Tartar region", "Tartar rayon".
        if kind in ("district", "province") and " " in e["name"]:
            base = e["name"].rsplit(" ", 1)[0]
            for suffix in ("district", "region", "rayon", "province", "marz"):
                alts.append(f"{base} {suffix}")
        entry = {"name": e["name"], "alt_names": alts, "kind": kind, "lat": e["lat"], "lon": e["lon"],
                 "country": e["admin"]}
        if e.get("notes"):
            entry["notes"] = e["notes"]
        out.append(entry)
        for n in [e["name"]] + alts:
            seen.setdefault(fold(n), []).append((e["lat"], e["lon"]))
    added = 0
    for cc in ("AM", "AZ"):
        d = json.load(open(os.path.join(SRC, "dr5hn", f"{cc}.json"), encoding="utf-8"))
        for state in d["states"].values():
            sname = state["name"]
            if cc == "AM" and state.get("latitude") and fold(sname) not in seen and fold(sname + " Province") not in seen:
                lat, lon = float(state["latitude"]), float(state["longitude"])
                out.append({"name": f"{sname} Province", "alt_names": [f"{sname} province", f"{sname} region", f"{sname} marz"],
                            "kind": "province", "lat": lat, "lon": lon, "country": cc})
                seen.setdefault(fold(sname + " Province"), []).append((lat, lon))
            for city in state.get("cities", {}).values():
                name = city["name"].strip()
                f = fold(name)
                if len(f) < 4 or f in UNSAFE or not city.get("latitude"):
                    continue
                lat, lon = float(city["latitude"]), float(city["longitude"])
                if f in seen and any(km((lat, lon), p) < 30 for p in seen[f]):
                    continue
                if f in seen:
                    continue  # same spelling as a curated place elsewhere: the curated one wins
                out.append({"name": name, "alt_names": [], "kind": "town", "lat": round(lat, 5),
                            "lon": round(lon, 5), "country": cc, "notes": f"dr5hn; {sname}"})
                seen.setdefault(f, []).append((lat, lon))
                added += 1
    with open(os.path.join(OUT, "gazetteer.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=0)
    for name in ("countries.geojson", "admin1.geojson", "karabakh_outlines.geojson", "lachin_corridor.geojson", "SOURCES.md"):
        shutil.copyfile(os.path.join(SRC, name), os.path.join(OUT, name))
    print(f"gazetteer: {len(out)} entries ({added} from dr5hn)")

if __name__ == "__main__":
    main()
