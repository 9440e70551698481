"""Places: the world gazetteer, names several places share, roles, and which places a
document reports. Sentences are written for these tests."""

import csv
from importlib.resources import files

import pycountry
import pytest

from laborwatch.documents import Document
from laborwatch.extract.evidence import Place, Span, fact_fields
from laborwatch.extract.nlp import parse
from laborwatch.extract.places import find_places, select_places
from tests.conftest import analyze_text


def places_in(text: str) -> list[Place]:
    """Every place found in ``text``, before the document's selection."""
    document = Document.create(text, source="t", media_type="text/plain", language="en")
    return find_places(parse(document), lambda offset: 0)


def place_named(text: str, name: str) -> Place:
    return next(place for place in places_in(text) if place.text == name)


@pytest.mark.parametrize(
    ("name", "country", "subdivisions", "city"),
    [
        ("Jilin", "CN", {"CN-JL"}, None),
        ("Jilin Province", "CN", {"CN-JL"}, None),
        ("Liaoning", "CN", {"CN-LN"}, None),
        ("Khabarovsk Krai", "RU", {"RU-KHA"}, None),
        ("Khabarovsk", "RU", {"RU-KHA"}, "Khabarovsk"),
        ("Primorsky Krai", "RU", {"RU-PRI"}, None),
        ("Primorye", "RU", {"RU-PRI"}, None),
        ("Vladivostok", "RU", {"RU-PRI"}, "Vladivostok"),
        ("Sinuiju", "KP", {"KP-03"}, "Sinuiju"),
        ("Minas Gerais", "BR", {"BR-MG"}, None),
        ("Mato Grosso", "BR", {"BR-MT"}, None),
        ("Penang", "MY", {"MY-07"}, None),
        ("Pulau Pinang", "MY", {"MY-07"}, None),
        ("Leicester", "GB", {"GB-LCE", "GB-ENG"}, "Leicester"),
        ("Gyeonggi Province", "KR", {"KR-41"}, None),
        ("Kyonggi", "KR", {"KR-41"}, None),
        ("Urumqi", "CN", {"CN-XJ"}, None),
    ],
)
def test_gazetteer_knows_subdivisions_and_cities_of_the_world(
    name: str, country: str, subdivisions: set[str], city: str | None
) -> None:
    place = place_named(f"Workers were sent to {name} to work in factories.", name)
    assert place.country == country
    assert place.subdivision in subdivisions
    if city:
        assert place.city and place.city.startswith(city)
        assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(
    ("name", "country", "subdivision"),
    [
        # GeoNames' own name of the province, in English or as ISO writes it.
        ("Surabaya", "Indonesia", "ID-JI"),
        ("Suwon", "South Korea", "KR-41"),
        ("Medellín", "Colombia", "CO-ANT"),
        ("Durban", "South Africa", "ZA-KZN"),
        ("Piura", "Peru", "PE-PIU"),
        ("Winnipeg", "Canada", "CA-MB"),
        # Through the provinces ISO places under a region (Gela's in Sicilia).
        ("Gela", "Italy", "IT-82"),
        ("Cebu City", "the Philippines", "PH-07"),
        ("Sabadell", "Spain", "ES-CT"),
        # A city that is a division of its own, not the province around it.
        ("Gaborone", "Botswana", "BW-GA"),
        ("Debrecen", "Hungary", "HU-DE"),
        # also where a province bears the city's name
        ("Buenos Aires", "Argentina", "AR-C"),
        ("Minsk", "Belarus", "BY-HM"),
    ],
)
def test_world_cities_carry_their_province(
    name: str, country: str, subdivision: str
) -> None:
    text = f"Workers were sent to {name}, {country}, to work in factories."
    assert place_named(text, name).subdivision == subdivision


def test_a_us_county_is_a_place_in_its_state_where_the_us_is_named() -> None:
    text = "Workers were held on a marijuana farm in Muskogee County, Oklahoma."
    place = place_named(text, "Muskogee County")
    assert (place.country, place.subdivision) == ("US", "US-OK")
    # A county of one name in many states is the one in the state named, or none.
    text = "Workers at a plant in Washington County, Arkansas, United States."
    assert place_named(text, "Washington County").subdivision == "US-AR"
    text = "Workers were held in Washington County, United States."
    assert place_named(text, "Washington County").subdivision is None
    # England has a Durham County too: a US county needs the US named.
    english = "Police in Durham County arrested two gangmasters in England."
    assert {p.country for p in places_in(english)} == {"GB"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AP style: the state after a town the gazetteer may lack.
        (
            "Children cleaned the plant in Worthington, Minn., at night.",
            {("Minn.", "US-MN")},
        ),
        # A state that is also a word or a country needs no country named so.
        ("He was born in Paris, Ga., in 1950.", {("Ga.", "US-GA")}),
        (
            "Protesters gathered in Washington, D.C. on Monday.",
            {("Washington", "US-DC"), ("D.C.", "US-DC")},
        ),
        # Abbreviations not after a town are no states, nor after a name that goes
        # on as a sentence ("John Smith, Miss. Jones").
        ("Miss. Smith said Mass. was held.", set()),
        ("John Smith, Miss. Jones and their son came.", set()),
        ("Acme, Mass. production lines stopped.", set()),
    ],
)
def test_a_us_state_abbreviated_after_a_town(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(p.text, p.subdivision) for p in places_in(text)} == expected


def test_every_world_gazetteer_code_is_iso_3166() -> None:
    text = (files("laborwatch") / "data" / "gazetteer-world.csv").read_text("utf-8")
    codes = {subdivision.code for subdivision in pycountry.subdivisions}
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) > 15_000
    for row in rows:
        # XK: Kosovo's user-assigned code, as GeoNames and the sanctions lists use it.
        assert row["country"] == "XK" or pycountry.countries.get(
            alpha_2=row["country"]
        ), row
        assert not row["subdivision"] or row["subdivision"] in codes, row


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # The document's countries decide between places of one name.
        ("Farms in Victoria, Australia, hire migrants.", "Victoria", ("AU", "AU-VIC")),
        ("Migrants were housed in Victoria, Canada.", "Victoria", ("CA", "CA-BC")),
        ("Workers in Mobile, Alabama, were not paid.", "Mobile", ("US", "US-AL")),
        ("Plants in Valencia, Venezuela, hire migrants.", "Valencia", ("VE", "VE-G")),
        # A country's name is the country unless the document names the other.
        ("Migrants in Georgia were not paid.", "Georgia", ("GE", None)),
        ("Pickers in Georgia, United States, went unpaid.", "Georgia", ("US", "US-GA")),
        # Population decides where the document does not: 1.2 million against 0.2.
        ("Workers in Birmingham were not paid.", "Birmingham", ("GB", "GB-BIR")),
    ],
)
def test_shared_names_resolve_by_document_then_population(
    text: str, name: str, expected: tuple[str, str | None]
) -> None:
    place = place_named(text, name)
    assert (place.country, place.subdivision) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Victoria said the workers were never paid.",  # a name, no country to place it
        "Mobile phones were confiscated by the managers.",  # a word
        "Factories in Valencia hire migrants.",  # Spain or Venezuela: neither decides
        "Mr. Jackson, Alabama's inspector, visited the farm.",  # a person
        "The ILO conventions forbid forced labour.",  # an acronym, not Ilo in Peru
        "Migrants from South Asia work on farms.",  # a compass point, not Cameroon's
        "Camps hold ethnic Kyrgyz and Kazakhs.",  # an ethnic group
        "The foreman told the workers in Spanish.",  # a language
    ],
)
def test_ambiguous_words_are_not_places(text: str) -> None:
    names = {place.text for place in places_in(text)}
    assert not names & {
        "Victoria",
        "Mobile",
        "Valencia",
        "Jackson",
        "ILO",
        "South",
        "Kyrgyz",
        "Spanish",
    }


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Nepali workers are recruited by brokers.", "Nepali", "origin"),
        ("Migrants from Nepal said brokers took fees.", "Nepal", "origin"),
        (
            "North Korean workers were sent to Russia to build houses.",
            "North Korean",
            "origin",
        ),
        (
            "North Korean workers were sent to Russia to build houses.",
            "Russia",
            "work site",
        ),
        ("Children pick cotton on farms in Uzbekistan.", "Uzbekistan", "work site"),
        ("Workers were dispatched to Qatar by agencies.", "Qatar", "work site"),
        (
            "The shrimp was exported to the United States.",
            "United States",
            "destination",
        ),
        ("Cotton imported from Xinjiang reaches Europe.", "Xinjiang", "work site"),
        ("The workers were repatriated to Burma in May.", "Burma", "origin"),
        ("Officials in Seoul announced the budget.", "Seoul", None),
    ],
)
def test_role_comes_from_the_words_around_the_place(
    text: str, name: str, role: str | None
) -> None:
    assert place_named(text, name).role == role


def place(country: str, sentence: int, role: str | None) -> Place:
    return Place(country, country, None, None, None, None, Span(0, 1, sentence), role)


def test_select_places_keeps_labour_places_only() -> None:
    places = [
        place("MY", 0, "work site"),
        place("NP", 1, "origin"),
        place("US", 2, "destination"),  # where the goods go: "exported to"
        place("TH", 3, None),  # in an evidence sentence
        place("SG", 4, None),  # named, with no role, outside the evidence
        place("MY", 4, None),  # the main country, named again
    ]
    selected = select_places(places, evidence_sentences={3})
    assert [(p.country, p.span.sentence) for p in selected] == [
        ("MY", 0),
        ("NP", 1),
        ("US", 2),
        ("TH", 3),
        ("MY", 4),
    ]


def test_reporting_and_banning_countries_are_not_reported() -> None:
    text = (
        "The US Department of Labor reports that children are forced to work on "
        "cocoa farms in Ghana. The United States banned imports of cocoa from the "
        "farms where children are forced to work. The United States imported "
        "cocoa worth millions from farms where children are forced to work."
    )
    evidence = analyze_text(text)
    assert {p.country for p in evidence.places} == {"GH"}

    ghana = next(p for p in evidence.places if p.country == "GH")
    assert ghana.role == "work site"
    assert fact_fields(ghana)["role"] == "work site"  # stored and shown


@pytest.mark.parametrize(
    "text",
    [
        "Workers must pay an extra U.S. $100 a month to the state.",
        "Crew on the Vanuatu-flagged vessel were forced to work 20 hours a day.",
        "The US Department of Labor lists cocoa among goods made with child labor.",
    ],
)
def test_currency_flag_state_and_body_names_are_not_places(text: str) -> None:
    assert not {place.country for place in places_in(text)} & {"US", "VU"}


def test_a_town_beginning_a_company_name_is_not_a_place_of_its_own() -> None:
    text = (
        "The Sunrise Gem Trading Company made girls polish gemstones at a workshop "
        "in Sunchon, South Pyongan Province."
    )
    assert {place.text for place in places_in(text)} == {
        "Sunchon",
        "South Pyongan Province",
    }


def test_a_town_in_a_company_name_stays_where_the_document_names_its_country() -> None:
    text = (
        "Workers at Dandong Hongxiang Industrial Development Co. in China said "
        "their wages were withheld."
    )
    assert {(place.text, place.country) for place in places_in(text)} >= {
        ("Dandong", "CN"),
        ("China", "CN"),
    }


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # Written for the test after a Leicester garment worker's story.
        (
            "She worked as a sewing machine operator after moving from India.",
            "India",
            "origin",
        ),
        # A country's name before its people, as a demonym would be.
        ("A Myanmar migrant fisher still remembers the night.", "Myanmar", "origin"),
        ("Originally from Peru, the brothers were recruited.", "Peru", "origin"),
        # not a body's name that begins with it
        ("China Labor Watch reported the abuse in Shenzhen.", "China", None),
        # After a Pakistani brick kiln report: "outside" places the work.
        (
            "She started work at a brick kiln just outside the city of Lahore.",
            "Lahore",
            "work site",
        ),
    ],
)
def test_moving_from_gives_an_origin_and_near_or_outside_a_work_site(
    text: str, name: str, role: str | None
) -> None:
    assert place_named(text, name).role == role


@pytest.mark.parametrize(
    "text",
    [
        # From the tuning set's CBP and trade-law texts.
        "CBP officers at all U.S. ports of entry will detain gloves made with "
        "forced labor.",
        "We will continue to exclude products made by modern slavery from entering "
        "into the United States.",
        "Forced labor is not welcome in supply chains in the United States.",
        "The problem has become so acute that in August the United States "
        "downgraded Cambodia to the worst possible level in its trafficking report.",
    ],
)
def test_a_country_keeping_goods_out_or_grading_others_is_not_a_place(
    text: str,
) -> None:
    assert "US" not in {place.country for place in places_in(text)}


def test_a_demonym_naming_a_sea_is_not_a_place() -> None:
    text = "He worked on a Taiwanese vessel that operated around the Indian Ocean."
    assert {place.country for place in places_in(text)} == {"TW"}


def test_a_small_town_needs_its_country_named() -> None:
    # Roman (Romania, 68,000 people), Man (Côte d'Ivoire) and Munger (Bihar) are
    # words or names unless the report says it is about their country.
    quiet = analyze_text(
        "Man, they said, works until he drops. A Roman Catholic priest met workers "
        "of Munger Brothers, who said they were forced to pick without pay."
    )
    assert {place.country for place in quiet.places} == set()
    named = analyze_text(
        "Workers at a garment factory in Roman, Romania, said they were forced to "
        "work without pay."
    )
    assert ("RO", "Roman") in {(place.country, place.city) for place in named.places}


def test_a_small_town_the_sentence_makes_a_work_site_counts() -> None:
    evidence = analyze_text(
        "Thousands of trafficked workers are held in scam compounds in Sihanoukville "
        "and forced to defraud strangers."
    )
    assert [(place.country, place.role) for place in evidence.places] == [
        ("KH", "work site")
    ]


def test_a_persons_surname_that_names_a_region_is_the_person() -> None:
    # Simiyu is a Tanzanian region; here it is Joy Simiyu, named again by it alone.
    text = (
        "When Joy Simiyu left Kenya for a job as a domestic worker in Saudi Arabia, "
        'she believed her life would change. "I was desperate for a job," said '
        "Simiyu, one of many Kenyans who travel to the Gulf."
    )
    assert "TZ" not in {place.country for place in places_in(text)}
    assert {"KE", "SA"} <= {place.country for place in places_in(text)}


def test_a_company_named_again_by_its_town_word_is_no_place() -> None:
    text = (
        "He worked as a guest worker for Munger Brothers LLC, a blueberry grower. "
        "Workers in Munger's fields were forced to pick without pay."
    )
    assert {place.country for place in places_in(text)} == set()


def test_a_region_adjective_is_no_country() -> None:
    text = "Charcoal from the South American forest was sold to steel mills."
    assert "US" not in {place.country for place in places_in(text)}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A state's own bodies act at home: its country is where the work is.
        ("Turkmen authorities forced public sector employees to pick cotton.", "TM"),
        ("North Korean officials forced citizens to work on collective farms.", "KP"),
        ("Thai boat owners kept the crews at sea for months.", "TH"),
        ("Girls work in south Indian spinning mills.", "IN"),
        # A person's name beside the place's own mentions leaves them places.
        (
            "Jordan Smith of the ILO said workers in Jordan's garment factories "
            "were not paid.",
            "JO",
        ),
        (
            "Victoria Lopez said the pickers on farms in Victoria, Australia, "
            "worked without pay.",
            "AU",
        ),
    ],
)
def test_a_place_stays_where_a_rule_for_persons_or_regions_does_not_reach(
    text: str, country: str
) -> None:
    assert country in {place.country for place in places_in(text)}
