"""Synthetic diplomatic news articles for benchmarks: realistic in shape, invented in content.

    for article in synthetic_articles(10_000, seed=2025):   # extract.models.Article
        ...

Short English wire stories (headline, dateline, 120-250 words) about forums, bilateral
meetings, ambassadors' visits, signings, cultural exchanges and conferences among a few
dozen real countries, Kazakhstan and China most often. Every person is invented (except
the two heads of state the stories centre on) and keeps one title and one country across
the corpus, so the resolver has the same people to merge as in real news. Article `i`
depends only on `(seed, i)`: the first 100 of 10,000 are the 100 of a smaller run.
"""

import datetime as dt
import functools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from extract.models import Article
from extract.reading import article_from_text

__all__ = ["synthetic_article", "synthetic_articles"]

FIRST_DAY = dt.date(2023, 1, 1)
DAYS = 3 * 365
URL_BASE = "https://news.example.org"

# iso3: name as written in running text, demonym, capital, other cities, news agency,
# given names, family names ("_" joins the words of one name; the family name comes first
# for the countries in FAMILY_FIRST).
COUNTRIES: dict[str, tuple[str, str, str, str, str, str, str]] = {
    "KAZ": ("Kazakhstan", "Kazakh", "Astana", "Almaty Shymkent Aktau Turkistan", "Kazinform",
            "Arman Nurlan Yerlan Daniyar Askar Marat Aigerim Saule Gulnara Aliya Bakhyt Timur "
            "Olzhas Zhanna Ruslan Madina",
            "Seitkali Abenov Zhaksybekov Nurpeisov Omarov Kassymov Baimukhanov Iskakov "
            "Tulegenov Sarsenbayev Akhmetov Yessenov Mukhanov Zhumabayev"),
    "CHN": ("China", "Chinese", "Beijing", "Shanghai Urumqi Xi'an Guangzhou Chengdu", "Xinhua",
            "Wei Lei Ming Jing Hui Tao Hong Bin Qiang Lan Feng Yan Haoran Jianguo Zhiwei "
            "Xiaoyu Lijun Chunhua",
            "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Hu Guo Lin Gao"),
    "RUS": ("Russia", "Russian", "Moscow", "Kazan Novosibirsk Yekaterinburg", "TASS",
            "Sergei Andrei Dmitry Alexei Igor Natalia Olga Yelena Mikhail Pavel",
            "Volkov Morozov Sokolov Lebedev Kuznetsov Orlov Belov Romanov Zaitsev"),
    "UZB": ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand Bukhara Namangan", "UzA",
            "Sherzod Farrukh Jasur Bakhodir Dilnoza Nodira Otabek Rustam Lola",
            "Karimov Tashkentov Yusupov Rakhimov Usmanov Nazarov Ergashev Saidov"),
    "KGZ": ("Kyrgyzstan", "Kyrgyz", "Bishkek", "Osh Karakol", "Kabar",
            "Almazbek Kanybek Aibek Nurbek Aizada Cholpon Azamat Bektur",
            "Asanov Toktogulov Isakov Abdrakhmanov Dzhumaliev Osmonov Beishenov"),
    "TJK": ("Tajikistan", "Tajik", "Dushanbe", "Khujand Kulob", "Khovar",
            "Farhod Sharif Davlat Firuz Manija Zarina Bahrom Khurshed",
            "Rahimov Sharipov Nazarov Safarov Kholov Mirzoev Davlatov"),
    "TKM": ("Turkmenistan", "Turkmen", "Ashgabat", "Turkmenbashi Mary", "TDH",
            "Serdar Batyr Meret Gurbanguly Aynur Jeren Dovlet Maksat",
            "Atayev Meredov Orazov Hojayev Ballyev Gurbanov Amanov"),
    "TUR": ("Turkey", "Turkish", "Ankara", "Istanbul Izmir Bursa", "Anadolu Agency",
            "Mehmet Ahmet Mustafa Emre Burak Elif Zeynep Ayse Kerem Selim",
            "Yilmaz Kaya Demir Celik Sahin Yildiz Aydin Ozturk Arslan"),
    "AZE": ("Azerbaijan", "Azerbaijani", "Baku", "Ganja Sumgait", "Azertac",
            "Elnur Rashad Farid Vugar Leyla Gunel Samir Anar",
            "Aliyev Mammadov Hasanov Guliyev Huseynov Ismayilov Abbasov"),
    "MNG": ("Mongolia", "Mongolian", "Ulaanbaatar", "Erdenet Darkhan", "Montsame",
            "Batbayar Ganbold Enkhbold Oyunchimeg Tsetseg Bold Erdene Sukhbaatar",
            "Dorj Bat-Erdene Ganzorig Purevsuren Tumur Munkh-Orgil Enkhtuvshin"),
    "IND": ("India", "Indian", "New Delhi", "Mumbai Bengaluru Chennai", "Press Trust of India",
            "Rajesh Anil Sanjay Vikram Priya Anjali Arvind Meera Rohit",
            "Sharma Verma Gupta Iyer Nair Reddy Mehta Kapoor Rao"),
    "PAK": ("Pakistan", "Pakistani", "Islamabad", "Lahore Karachi", "Associated Press of Pakistan",
            "Imran Bilal Faisal Asad Ayesha Sana Tariq Hamza",
            "Qureshi Malik Chaudhry Siddiqui Hashmi Abbasi Rana"),
    "IRN": ("Iran", "Iranian", "Tehran", "Isfahan Mashhad Tabriz", "IRNA",
            "Ali Reza Hossein Mehdi Maryam Fatemeh Kazem Saeed",
            "Tehrani Rahimi Moradi Karimi Hosseini Jafari Ahmadi"),
    "JPN": ("Japan", "Japanese", "Tokyo", "Osaka Kyoto Nagoya", "Kyodo News",
            "Hiroshi Takeshi Kenji Yuki Haruka Akira Satoshi Naoko",
            "Tanaka Suzuki Watanabe Yamamoto Nakamura Kobayashi Sato Ito"),
    "KOR": ("South Korea", "South Korean", "Seoul", "Busan Incheon", "Yonhap",
            "Min-jun Seo-yeon Ji-hoon Hyun-woo Soo-jin Jae-sung Eun-ji Dong-hyun",
            "Kim Lee Park Choi Jung Kang Cho Yoon"),
    "DEU": ("Germany", "German", "Berlin", "Munich Hamburg Frankfurt", "Deutsche Presse-Agentur",
            "Thomas Andreas Stefan Katrin Sabine Markus Juergen Claudia",
            "Mueller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann"),
    "FRA": ("France", "French", "Paris", "Lyon Marseille Toulouse", "Agence France-Presse",
            "Pierre Jean Nicolas Claire Sophie Laurent Isabelle Olivier",
            "Martin Bernard Dubois Laurent Moreau Lefebvre Girard Rousseau"),
    "ITA": ("Italy", "Italian", "Rome", "Milan Turin Naples", "ANSA",
            "Marco Giovanni Luca Francesca Giulia Paolo Alessandro Chiara",
            "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci"),
    "GBR": ("the United Kingdom", "British", "London", "Edinburgh Manchester Birmingham",
            "Press Association",
            "James William Oliver Charlotte Emily Richard Catherine Edward",
            "Smith Jones Taylor Brown Davies Evans Wilson Thompson"),
    "USA": ("the United States", "American", "Washington", "New York Chicago San Francisco",
            "Associated Press",
            "Michael David Robert Jennifer Sarah Daniel Laura Christopher",
            "Johnson Miller Anderson Clark Lewis Walker Hall Young"),
    "HUN": ("Hungary", "Hungarian", "Budapest", "Debrecen Szeged", "MTI",
            "Zoltan Laszlo Gabor Peter Katalin Eszter Balazs Andrea",
            "Nagy Kovacs Toth Szabo Horvath Varga Kiss Molnar"),
    "POL": ("Poland", "Polish", "Warsaw", "Krakow Gdansk Wroclaw", "Polish Press Agency",
            "Piotr Tomasz Krzysztof Anna Agnieszka Marek Katarzyna Pawel",
            "Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Zielinski"),
    "EGY": ("Egypt", "Egyptian", "Cairo", "Alexandria Luxor", "Middle East News Agency",
            "Ahmed Mohamed Mahmoud Khaled Mona Yasmin Omar Hesham",
            "Hassan Mansour Farouk Nasser Saleh Ibrahim Fahmy"),
    "ARE": ("the United Arab Emirates", "Emirati", "Abu Dhabi", "Dubai Sharjah",
            "Emirates News Agency",
            "Saeed Rashid Hamdan Sultan Mariam Noura Khalifa Obaid",
            "Al_Mansoori Al_Dhaheri Al_Shamsi Al_Mazrouei Al_Suwaidi Al_Nuaimi"),
    "SAU": ("Saudi Arabia", "Saudi", "Riyadh", "Jeddah Dammam", "Saudi Press Agency",
            "Faisal Abdulaziz Turki Nawaf Reem Lama Majed Fahad",
            "Al_Otaibi Al_Qahtani Al_Ghamdi Al_Harbi Al_Dosari Al_Shehri"),
    "QAT": ("Qatar", "Qatari", "Doha", "Al Wakrah Lusail", "Qatar News Agency",
            "Hamad Jassim Mohammed Tamim Aisha Hessa Khalid Nasser",
            "Al_Thani Al_Kuwari Al_Khater Al_Marri Al_Sulaiti Al_Naimi"),
    "MYS": ("Malaysia", "Malaysian", "Kuala Lumpur", "George Town Johor Bahru", "Bernama",
            "Ahmad Azlan Hafiz Nurul Siti Razak Farah Ismail",
            "Abdullah Hamzah Rahman Yusof Ibrahim Osman Zakaria"),
    "IDN": ("Indonesia", "Indonesian", "Jakarta", "Surabaya Bandung Yogyakarta", "Antara",
            "Budi Agus Dewi Sri Eko Rina Hendra Wahyu",
            "Santoso Wijaya Pratama Hidayat Kusuma Setiawan Nugroho"),
    "VNM": ("Vietnam", "Vietnamese", "Hanoi", "Ho Chi Minh City Da Nang Hue",
            "Vietnam News Agency",
            "Van_Hung Thi_Lan Minh_Tuan Thu_Ha Quoc_Anh Duc_Thang Thanh_Huong",
            "Nguyen Tran Le Pham Hoang Vu Dang Bui"),
    "BRA": ("Brazil", "Brazilian", "Brasilia", "Sao Paulo Rio de Janeiro Salvador",
            "Agencia Brasil",
            "Joao Carlos Paulo Ana Mariana Rafael Fernanda Lucas",
            "Silva Santos Oliveira Souza Pereira Costa Almeida Ferreira"),
    "ZAF": ("South Africa", "South African", "Pretoria", "Johannesburg Cape Town Durban",
            "SAnews",
            "Thabo Sipho Lindiwe Nomsa Pieter Johan Naledi Mandla",
            "Nkosi Dlamini Mokoena Botha Naidoo Khumalo Mahlangu"),
    "GEO": ("Georgia", "Georgian", "Tbilisi", "Batumi Kutaisi", "Georgian Public Broadcaster",
            "Giorgi Levan Davit Nino Tamar Irakli Ketevan Zurab",
            "Beridze Kapanadze Gelashvili Lomidze Tsiklauri Maisuradze"),
    "BLR": ("Belarus", "Belarusian", "Minsk", "Brest Gomel Grodno", "BelTA",
            "Viktor Alexander Sergei Natalya Irina Vladimir Yuri Tatyana",
            "Kovalenko Novik Sidorenko Marchenko Krasovsky Lukashevich"),
    "ESP": ("Spain", "Spanish", "Madrid", "Barcelona Valencia Seville", "EFE",
            "Javier Carlos Miguel Lucia Carmen Alejandro Elena Pablo",
            "Garcia Fernandez Lopez Martinez Sanchez Gomez Ruiz Navarro"),
}
CENTRES = ("KAZ", "CHN")  # the countries the stories centre on
FAMILY_FIRST = frozenset({"CHN", "KOR", "VNM"})
# Given names that take the feminine form of an -ov/-ev/-in family name.
FEMININE = frozenset("Aigerim Saule Gulnara Aliya Zhanna Madina Dilnoza Nodira Lola Aizada "
                     "Cholpon Manija Zarina Aynur Jeren Natalia Olga Yelena Natalya Irina "
                     "Tatyana".split())
# Real heads of state the stories most often centre on; every other person is invented.
HEADS_OF_STATE = {"KAZ": "Kassym-Jomart Tokayev", "CHN": "Xi Jinping"}
# Universities and media groups with their real names; the rest are named after the capital.
UNIVERSITIES = {
    "KAZ": ["Al-Farabi Kazakh National University", "L.N. Gumilyov Eurasian National University"],
    "CHN": ["Peking University", "Tsinghua University", "Shanghai International Studies "
            "University"],
    "RUS": ["Moscow State Institute of International Relations"],
}
MEDIA_GROUPS = {"KAZ": "Khabar Agency", "CHN": "China Media Group", "RUS": "Rossiya Segodnya"}
INTERNATIONAL_BODIES = ["Shanghai Cooperation Organisation", "Organization of Turkic States",
                        "UNESCO", "Eurasian Economic Union",
                        "Conference on Interaction and Confidence-Building Measures in Asia"]

TOPICS = ["trade and investment", "digital transformation", "media cooperation",
          "transport and logistics", "green energy", "education and science", "tourism",
          "cultural and humanitarian ties", "agriculture and food security",
          "the Middle Corridor", "water management", "artificial intelligence",
          "public health", "youth exchanges", "the protection of cultural heritage"]
FORUM_THEMES = ["Media", "Business", "Investment", "Digital", "Youth", "Tourism", "Energy",
                "Transport", "Education", "Think Tank", "Culture"]
CULTURE_FORMS = [("Days of {demonym} Culture", "festival"), ("{demonym} Film Week", "film week"),
                 ("{demonym} Cultural Festival", "festival"),
                 ("{demonym} Music Festival", "concert programme"),
                 ("exhibition of {demonym} painting", "exhibition")]
CONFERENCE_SUBJECTS = ["the future of Eurasian connectivity", "regional security in Central "
                       "Asia", "media literacy in the digital age", "the Silk Road heritage",
                       "climate adaptation in arid regions", "cooperation among news agencies",
                       "the teaching of foreign languages", "sustainable urban development"]
AGREEMENT_SUBJECTS = ["the exchange of news content", "cooperation in higher education",
                      "the joint production of documentaries", "cultural cooperation for "
                      "2025-2027", "the training of journalists", "tourism promotion",
                      "cooperation in the field of archives", "scientific research"]
SIGHTS = ["newsroom", "library", "museum", "research centre"]
EXCHANGES = ["internships", "joint publications", "student exchanges", "training courses"]
COMMITMENTS = ["share materials", "organise joint events", "exchange delegations"]
CONFERENCE_CLAIMS = ["required joint answers", "deserved closer study",
                     "concerned every country in the region"]
THEMES = ["Partnership for the Future", "Connecting Peoples", "Dialogue and Trust",
          "Shared Growth"]
PARTNER_WORDS = ["a reliable", "a key", "an important", "a strategic"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth"]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    demonym: str
    capital: str
    cities: tuple[str, ...]
    agency: str
    given: tuple[str, ...]
    family: tuple[str, ...]

    @property
    def bare_name(self) -> str:
        """The name without a leading "the", for possessives and compounds."""
        return self.name.removeprefix("the ")


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    country: str
    role: str  # a key of ROLES
    host: str | None = None  # for ambassadors: where they are accredited


@dataclass
class World:
    """Everyone and everything the stories can name, fixed for one seed."""

    countries: dict[str, Country]
    partners: dict[str, list[str]]  # countries that exchange ambassadors, both ways
    persons: dict[tuple[str, str, str | None], Person] = field(default_factory=dict)

    def person(self, iso3: str, role: str, host: str | None = None) -> Person:
        return self.persons[(iso3, role, host)]

    def ambassador(self, iso3: str, host: str) -> Person:
        """The ambassador of `iso3` to `host`."""
        return self.person(iso3, "ambassador", host)


# Title before a name, and the longer form after a name; {c} is the country, {h} the host.
ROLES: dict[str, tuple[str, str]] = {
    "president": ("{demonym} President", "President of {c}"),
    "prime_minister": ("{demonym} Prime Minister", "Prime Minister of {c}"),
    "foreign_minister": ("{demonym} Foreign Minister", "Minister of Foreign Affairs of {c}"),
    "deputy_foreign_minister": ("{demonym} Deputy Foreign Minister",
                                "Deputy Minister of Foreign Affairs of {c}"),
    "culture_minister": ("{demonym} Culture Minister", "Minister of Culture of {c}"),
    "trade_minister": ("{demonym} Trade Minister", "Minister of Trade of {c}"),
    "ambassador": ("{demonym} Ambassador to {h}", "Ambassador of {c} to {h}"),
    "agency_head": ("{agency} Director General", "Director General of {agency}"),
    "rector": ("Rector", "Rector of {university}"),
    "media_head": ("{media} President", "President of {media}"),
}
SINGLE_ROLES = ["president", "prime_minister", "foreign_minister", "deputy_foreign_minister",
                "culture_minister", "trade_minister", "agency_head", "rector", "media_head"]


def _country(iso3: str) -> Country:
    name, demonym, capital, cities, agency, given, family = COUNTRIES[iso3]
    return Country(iso3, name, demonym, capital, _cities(cities), agency, _names(given),
                   _names(family))


def _names(words: str) -> tuple[str, ...]:
    """Names from a space-separated string; "_" joins the words of one name."""
    return tuple(w.replace("_", " ") for w in words.split())


def _cities(words: str) -> tuple[str, ...]:
    """City names, some of two or more words, from one space-separated string."""
    multi = ["Ho Chi Minh City", "Da Nang", "Sao Paulo", "Rio de Janeiro", "Cape Town",
             "George Town", "Johor Bahru", "San Francisco", "New York", "Al Wakrah"]
    for city in multi:
        words = words.replace(city, city.replace(" ", "_"))
    return tuple(w.replace("_", " ") for w in words.split())


def university(country: Country) -> str:
    return UNIVERSITIES.get(country.iso3, [f"{country.capital} State University"])[0]


def media_group(country: Country) -> str:
    return MEDIA_GROUPS.get(country.iso3, f"{country.demonym} National Broadcasting Corporation")


@functools.cache
def build_world(seed: int) -> World:
    """Several hundred people: each country's office holders, and ambassadors between
    partner countries (Kazakhstan and China are partners of every country)."""
    rng = random.Random(seed)
    world = World({iso3: _country(iso3) for iso3 in COUNTRIES}, _partners(rng))
    for iso3, country in world.countries.items():
        slots: list[tuple[str, str | None]] = [(role, None) for role in SINGLE_ROLES]
        slots += [("ambassador", host) for host in world.partners[iso3]]
        names = _unique_names(country, len(slots), rng)
        for (role, host), (name, surname) in zip(slots, names, strict=True):
            if role == "president" and iso3 in HEADS_OF_STATE:
                name = HEADS_OF_STATE[iso3]
                surname = name.split()[0] if iso3 in FAMILY_FIRST else name.split()[-1]
            world.persons[(iso3, role, host)] = Person(name, surname, iso3, role, host)
    return world


def _partners(rng: random.Random) -> dict[str, list[str]]:
    """Kazakhstan and China with everyone; every other country with two or three more."""
    pairs = {frozenset({hub, iso3}) for hub in CENTRES for iso3 in COUNTRIES if iso3 != hub}
    others = [iso3 for iso3 in COUNTRIES if iso3 not in CENTRES]
    for iso3 in others:
        pairs |= {frozenset({iso3, other}) for other in rng.sample(others, 3) if other != iso3}
    return {iso3: sorted(next(iter(pair - {iso3})) for pair in pairs if iso3 in pair)
            for iso3 in COUNTRIES}


def _unique_names(country: Country, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """`n` distinct (full name, surname) pairs in the country's naming order."""
    pairs = [(g, f) for g in country.given for f in country.family]
    rng.shuffle(pairs)
    # Distinct surnames first, so "Minister Omarov" is one person as long as names last.
    first_of_family = list({f: (g, f) for g, f in reversed(pairs)}.values())
    chosen = first_of_family + [p for p in pairs if p not in first_of_family]
    if len(chosen) < n:
        raise ValueError(f"not enough names for {country.iso3}: {len(chosen)} < {n}")
    chosen = chosen[:n]
    return [_full_name(country, g, f) for g, f in chosen]


def _full_name(country: Country, given: str, family: str) -> tuple[str, str]:
    if given in FEMININE and family.endswith(("ov", "ev", "in")):
        family += "a"
    if country.iso3 in FAMILY_FIRST:
        return f"{family} {given}", family
    return f"{given} {family}", family


# --- one article -----------------------------------------------------------------------------


class Story:
    """Text helpers for one article: how to name people, places and dates."""

    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng, self.world = rng, world
        self.introduced: set[str] = set()

    def country(self, iso3: str) -> Country:
        return self.world.countries[iso3]

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def title(self, person: Person, *, long: bool = False) -> str:
        country = self.country(person.country)
        before, after = ROLES[person.role]
        template = after if long else before
        host = self.country(person.host).name if person.host else ""
        return template.format(demonym=country.demonym, c=country.name, h=host,
                               agency=country.agency, university=university(country),
                               media=media_group(country))

    def who(self, person: Person) -> str:
        """The person with a title the first time, the surname after that."""
        if person.name in self.introduced:
            return person.surname
        self.introduced.add(person.name)
        if self.rng.random() < 0.5:
            return f"{self.title(person)} {person.name}"
        return f"{person.name}, {self.title(person, long=True)},"

    def full(self, person: Person) -> str:
        """Title and full name, always (for the lead sentence)."""
        self.introduced.add(person.name)
        return f"{self.title(person)} {person.name}"

    def city(self, iso3: str) -> str:
        country = self.country(iso3)
        if self.rng.random() < 0.6:
            return country.capital
        return self.rng.choice(country.cities)


@dataclass(frozen=True)
class Draft:
    """An article before it is laid out: headline, paragraphs (the lead first), and the
    day, city and countries of the event."""

    headline: str
    paragraphs: list[str]
    day: dt.date
    city: str
    parties: tuple[str, str]  # the two countries, the one whose agency reports it first


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _parties(rng: random.Random, world: World) -> tuple[str, str]:
    """Two partner countries, Kazakhstan and China most often."""
    others = [iso3 for iso3 in COUNTRIES if iso3 not in CENTRES]
    roll = rng.random()
    if roll < 0.55:
        first = "KAZ"
        second = "CHN" if rng.random() < 0.3 else rng.choice(others)
    elif roll < 0.8:
        first = "CHN"
        second = "KAZ" if rng.random() < 0.3 else rng.choice(others)
    else:
        first = rng.choice(others)
        second = rng.choice([p for p in world.partners[first] if p not in CENTRES])
    return (first, second) if rng.random() < 0.7 else (second, first)


def _meeting(s: Story, day: dt.date, a: str, b: str) -> Draft:
    host = s.country(a)
    guest = s.country(b)
    minister = s.world.person(a, s.pick(["foreign_minister", "deputy_foreign_minister",
                                         "prime_minister", "trade_minister"]))
    if (b, "ambassador", a) in s.world.persons and s.rng.random() < 0.6:
        visitor = s.world.ambassador(b, a)
    else:
        visitor = s.world.person(b, s.pick(["foreign_minister", "deputy_foreign_minister",
                                            "trade_minister"]))
    topics = s.rng.sample(TOPICS, 3)
    headline = s.pick([f"{host.demonym}, {guest.demonym} officials discuss {topics[0]}",
                       f"{s.title(minister)} meets {s.title(visitor)}",
                       f"{host.bare_name} and {guest.bare_name} look to expand {topics[0]}"])
    lead = (f"On {long_date(day)}, {s.full(minister)} met with {s.full(visitor)} in "
            f"{host.capital} to discuss {topics[0]} and {topics[1]}.")
    body = [
        f"The two sides reviewed the state of relations between {host.name} and {guest.name} "
        f"and the schedule of high-level contacts for the coming months.",
        f"{s.who(minister)} said that {guest.name} was {s.pick(PARTNER_WORDS)} partner and "
        f"noted that trade between the two countries had grown by "
        f"{s.rng.randint(5, 40)} percent last year.",
        f"{s.who(visitor)} thanked the {host.demonym} side for its hospitality and proposed "
        f"new joint projects in {topics[2]}.",
        f"The parties also exchanged views on cooperation within the "
        f"{s.pick(INTERNATIONAL_BODIES)} and agreed to hold the next round of consultations in "
        f"{guest.capital}.",
    ]
    return Draft(headline, [lead, *body], day, host.capital, (a, b))


def _ambassador_visit(s: Story, day: dt.date, a: str, b: str) -> Draft:
    ambassador = s.world.ambassador(a, b)
    home, host = s.country(a), s.country(b)
    city = s.city(b)
    place = s.pick([university(host), host.agency, media_group(host)])
    official = s.world.person(b, "rector" if place == university(host) else
                              "agency_head" if place == host.agency else "media_head")
    headline = s.pick([f"{home.demonym} Ambassador visits {place}",
                       f"{home.demonym} envoy discusses cooperation with {place}"])
    lead = (f"On {long_date(day)}, {s.full(ambassador)} visited {place} in {city}, where "
            f"{ambassador.surname} met with {s.full(official)}.")
    body = [
        f"During the visit, the ambassador was shown the {s.pick(SIGHTS)} and learned about "
        f"the institution's {s.pick(['international programmes', 'history', 'projects'])}.",
        f"{s.who(official)} said that {place} was ready to expand contacts with partners in "
        f"{home.name}, including {s.pick(EXCHANGES)}.",
        f"{s.who(ambassador)} noted that {home.demonym} and {host.demonym} "
        f"{s.pick(['journalists', 'scholars', 'students'])} could do more together and "
        f"invited a delegation to visit {home.capital} next year.",
        f"The sides agreed to prepare a plan of joint activities on {s.pick(TOPICS)}.",
    ]
    return Draft(headline, [lead, *body], day, city, (a, b))


def _signing(s: Story, day: dt.date, a: str, b: str) -> Draft:
    first, second = s.country(a), s.country(b)
    kind = s.pick(["agency", "university", "ministry"])
    if kind == "agency":
        orgs = (first.agency, second.agency)
        signers = (s.world.person(a, "agency_head"), s.world.person(b, "agency_head"))
    elif kind == "university":
        orgs = (university(first), university(second))
        signers = (s.world.person(a, "rector"), s.world.person(b, "rector"))
    else:
        orgs = (f"Ministry of Culture of {first.name}",
                f"Ministry of Culture of {second.name}")
        signers = (s.world.person(a, "culture_minister"), s.world.person(b, "culture_minister"))
    subject = s.pick(AGREEMENT_SUBJECTS)
    city = s.city(a)
    headline = s.pick([f"{first.bare_name}, {second.bare_name} sign agreement on {subject}",
                       f"{orgs[0]} and {orgs[1]} sign memorandum"])
    lead = (f"On {long_date(day)}, {_the(orgs[0])} and {_the(orgs[1])} signed a memorandum of "
            f"understanding on {subject} in {city}.")
    body = [
        f"The document was signed by {s.full(signers[0])} and {s.full(signers[1])}.",
        f"Under the memorandum, the parties will {s.pick(COMMITMENTS)} and set up a working "
        f"group that will meet {s.pick(['twice a year', 'every quarter', 'annually'])}.",
        f"{s.who(signers[0])} said the agreement opened a new chapter in cooperation between "
        f"{first.name} and {second.name}.",
        f"The ceremony was attended by {s.full(s.world.ambassador(a, b))} and "
        f"representatives of both institutions.",
    ]
    return Draft(headline, [lead, *body], day, city, (a, b))


def _the(organization: str) -> str:
    return f"the {organization}" if organization.startswith("Ministry") else organization


def _cultural(s: Story, day: dt.date, a: str, b: str) -> Draft:
    guest, host = s.country(a), s.country(b)
    form, noun = s.rng.choice(CULTURE_FORMS)
    name = form.format(demonym=guest.demonym)
    city = s.city(b)
    minister = s.world.person(a, "culture_minister")
    ambassador = s.world.ambassador(a, b)
    opening = f"The {name}" if name[0].isupper() else f"An {name}"
    headline = s.pick([f"{name[0].upper() + name[1:]} opens in {city}",
                       f"{guest.demonym} culture on show in {city}"])
    lead = (f"{opening} opened in {city} on {long_date(day)}, bringing "
            f"{guest.demonym} artists, musicians and film-makers to audiences in "
            f"{host.name}.")
    body = [
        f"The {noun} is organised by the Ministry of Culture of {guest.name} together "
        f"with the {s.pick(['city administration', 'national museum', 'state philharmonic'])} "
        f"of {city}.",
        f"Speaking at the opening ceremony, {s.who(minister)} said that culture "
        f"{s.pick(['brings peoples closer', 'builds lasting trust', 'speaks every language'])}.",
        f"{s.who(ambassador)} also attended the ceremony and thanked the hosts for their support.",
        f"The programme includes {s.rng.randint(3, 12)} concerts, master classes and a "
        f"{s.pick(['photo exhibition', 'craft fair', 'book presentation'])}, and runs until "
        f"{long_date(day + dt.timedelta(days=s.rng.randint(3, 10)))}.",
    ]
    return Draft(headline, [lead, *body], day, city, (a, b))


def _conference(s: Story, day: dt.date, a: str, b: str) -> Draft:
    host = s.country(a)
    subject = s.pick(CONFERENCE_SUBJECTS)
    venue = university(host)
    rector = s.world.person(a, "rector")
    speaker = s.world.person(b, s.pick(["deputy_foreign_minister", "agency_head", "rector"]))
    count = s.rng.randint(40, 300)
    headline = s.pick([f"Conference on {subject} held in {host.capital}",
                       f"Experts from {s.rng.randint(5, 30)} countries discuss {subject}"])
    lead = (f"An international conference on {subject} was held at {venue} in {host.capital} "
            f"on {long_date(day)}, gathering {count} researchers, diplomats and journalists.")
    body = [
        f"The conference was organised by {venue} with the support of the Ministry of Foreign "
        f"Affairs of {host.name}.",
        f"Opening the event, {s.who(rector)} said that {subject} "
        f"{s.pick(CONFERENCE_CLAIMS)}.",
        f"{s.who(speaker)} presented the experience of {s.country(b).name} and called for "
        f"regular expert meetings.",
        f"Participants adopted a final document with recommendations on {s.pick(TOPICS)}.",
    ]
    return Draft(headline, [lead, *body], day, host.capital, (a, b))


@dataclass(frozen=True)
class Forum:
    """A recurring forum: every article about one edition names the same event."""

    name: str
    host: str
    partner: str
    city: str
    day: dt.date
    edition: int


@functools.cache
def forum_calendar(seed: int) -> tuple[Forum, ...]:
    """A fixed set of named forums, one edition a year each, so several articles report the
    same event (events with many participants and sources)."""
    rng = random.Random(seed * 7 + 1)
    world = build_world(seed)
    forums = []
    for series in range(40):
        host, partner = _parties(rng, world)
        theme = rng.choice(FORUM_THEMES)
        a, b = world.countries[host], world.countries[partner]
        name = rng.choice([f"{a.bare_name}-{b.bare_name} {theme} Forum",
                           f"{a.capital} International {theme} Forum",
                           f"Eurasian {theme} Forum" if series % 5 == 0 else
                           f"{a.demonym}-{b.demonym} {theme} Forum"])
        city = a.capital if rng.random() < 0.7 else rng.choice(a.cities)
        first_edition = rng.randint(1, 6)
        for year in range(3):
            day = FIRST_DAY + dt.timedelta(days=365 * year + rng.randrange(360))
            forums.append(Forum(name, host, partner, city, day, first_edition + year))
    return tuple(forums)


def _forum(s: Story, day: dt.date, a: str, b: str, *, seed: int) -> Draft:
    forum = s.rng.choice(forum_calendar(seed))
    host, partner = s.country(forum.host), s.country(forum.partner)
    ordinal = ORDINALS[forum.edition - 1]
    leader = s.world.person(forum.host, s.pick(["president", "prime_minister",
                                                  "foreign_minister"]))
    guest = s.world.person(forum.partner, s.pick(["foreign_minister", "culture_minister",
                                                    "agency_head", "media_head"]))
    organizer = s.pick([host.agency, media_group(host), f"Ministry of Foreign Affairs of "
                        f"{host.name}"])
    headline = s.pick([f"{forum.name} opens in {forum.city}",
                       f"{forum.name} gathers delegates from {s.rng.randint(10, 60)} countries",
                       f"{host.demonym} and {partner.demonym} delegates meet at {forum.name}"])
    lead = (f"The {ordinal} {forum.name} took place in {forum.city} on "
            f"{long_date(forum.day)}, bringing together more than {s.rng.randint(2, 12)}00 "
            f"participants from {host.name}, {partner.name} and other countries.")
    body = [
        f'The forum was organised by {_the(organizer)} under the theme "{s.pick(THEMES)}".',
        f"{s.who(leader)} addressed the plenary session, saying that {s.pick(TOPICS)} "
        f"remained a priority for {host.name}.",
        f"{s.who(guest)} attended the forum and spoke about the prospects of "
        f"{s.pick(TOPICS)}.",
        f"On the sidelines of the forum, {s.who(leader)} met with {s.who(guest)} to discuss "
        f"{s.pick(TOPICS)}.",
        f"Participants also visited an exhibition of {host.demonym} and {partner.demonym} "
        f"{s.pick(['photography', 'crafts', 'technology start-ups'])}.",
    ]
    return Draft(headline, [lead, *body], forum.day, forum.city,
                 (forum.host, forum.partner))


KINDS = [("meeting", 0.26), ("ambassador_visit", 0.16), ("signing", 0.15),
         ("cultural", 0.13), ("conference", 0.12), ("forum", 0.18)]
WRITERS = {"meeting": _meeting, "ambassador_visit": _ambassador_visit, "signing": _signing,
           "cultural": _cultural, "conference": _conference}


def synthetic_article(index: int, *, seed: int = 2025) -> Article:
    """Article number `index` of the corpus `seed` names."""
    rng = random.Random(seed * 1_000_003 + index)
    world = build_world(seed)
    story = Story(rng, world)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    a, b = _parties(rng, world)
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    if kind == "forum":
        draft = _forum(story, day, a, b, seed=seed)
    else:
        draft = WRITERS[kind](story, day, a, b)
    agency = story.country(draft.parties[0]).agency
    published = draft.day + dt.timedelta(days=rng.choice([0, 0, 1]))
    dateline = f"{draft.city.upper()}, {published:%B} {published.day} ({agency}) -- "
    paragraphs = _fit(draft.paragraphs, _background(story, *draft.parties), rng)
    text = "\n\n".join([draft.headline, dateline + paragraphs[0], *paragraphs[1:]])
    slug = "-".join(draft.headline.lower().replace(",", "").split()[:6])
    return article_from_text(
        text, title=draft.headline, published=published, source=agency,
        url=f"{URL_BASE}/{published:%Y/%m/%d}/{slug}-{index}",
    )


def _background(s: Story, a: str, b: str) -> list[str]:
    """Context paragraphs any story can end with."""
    first, second = s.country(a), s.country(b)
    return [
        f"Diplomatic relations between {first.name} and {second.name} were established in "
        f"{s.rng.randint(1991, 1996)}. Since then the two countries have signed more than "
        f"{s.rng.randint(3, 20)}0 documents on cooperation.",
        f"According to official statistics, trade between {first.name} and "
        f"{second.name} reached {s.rng.randint(1, 30)}.{s.rng.randint(1, 9)} billion US "
        f"dollars in {s.rng.choice([2023, 2024])}, and both sides aim to increase it further.",
        f"Earlier this year, the foreign ministers of the two countries agreed to step up "
        f"contacts on {s.pick(TOPICS)} and {s.pick(TOPICS)}.",
    ]


def _fit(paragraphs: list[str], background: list[str], rng: random.Random) -> list[str]:
    """The story as written (later paragraphs name people by surname only), then background
    paragraphs in a varied order until a length between 130 and 250 words."""
    rng.shuffle(background)
    kept, words = list(paragraphs), sum(len(p.split()) for p in paragraphs)
    target = rng.randint(130, 220)
    for paragraph in background:
        if words >= target or words + len(paragraph.split()) > 250:
            break
        kept.append(paragraph)
        words += len(paragraph.split())
    return kept


def synthetic_articles(n: int, *, seed: int = 2025) -> Iterator[Article]:
    """The first `n` articles of the corpus `seed` names."""
    for index in range(n):
        yield synthetic_article(index, seed=seed)
