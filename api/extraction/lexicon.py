"""Word lists the engine reasons with: reporting verbs, roles, organisations, dates.

Everything here is general English-news vocabulary, not article-specific data.
"""
from __future__ import annotations

import re
from pathlib import Path


def _forms(base: str) -> set[str]:
    """Return the regular inflections (s, ed, ing) of a verb base."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if re.search(r"[^aeiou][aeiou][ptg]$", base) and base not in _NO_DOUBLE:
        last = base[-1]
        return {base, base + "s", base + last + "ed", base + last + "ing"}
    if base.endswith(("sh", "ch", "ss", "x")):
        return {base, base + "es", base + "ed", base + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


_NO_DOUBLE = {"visit", "limit", "edit", "credit", "exhibit"}

# Verbs that introduce speech and can take a quotation or a reported clause.
_REGULAR_SPEECH = """
add insist claim warn ask argue note explain state reply tweet post declare announce
acknowledge admit concede recall stress urge caution predict quip joke remark continue
conclude respond answer comment suggest assert maintain contend observe emphasise
emphasize reiterate retort counter allege scoff exclaim confirm vow promise pledge boast
lament complain report agree disagree shout yell whisper mutter testify insist recount
describe dismiss accuse call reject deny slam blast brand label criticise criticize
charge demand question wonder explain tell
sigh repeat denounce mock bemoan muse riff bark confess interject echo assure interrupt
fume gush plead snap rail marvel concur proclaim pronounce opine vent thunder
scream cry cite thank praise hail tout decry condemn grouse ponder lecture snipe
""".split()

_IRREGULAR_SPEECH = {
    "say": {"say", "says", "said", "saying"},
    "tell": {"tell", "tells", "told", "telling"},
    "write": {"write", "writes", "wrote", "writing", "written"},
    "hit back": {"hit back", "hits back", "hitting back"},
    "fire back": {"fire back", "fires back", "fired back", "firing back"},
    "shoot back": {"shoot back", "shoots back", "shot back", "shooting back"},
    "point out": {"point out", "points out", "pointed out", "pointing out"},
    "go on": {"went on", "goes on"},
    "put it": {"put it", "puts it"},
    "speak": {"spoke", "speaks"},
}


def _speech_forms() -> set[str]:
    forms: set[str] = set()
    for base in _REGULAR_SPEECH:
        if base == "tell":
            continue
        forms |= _forms(base)
    for group in _IRREGULAR_SPEECH.values():
        forms |= group
    # Bare infinitives are too ambiguous ("call", "state", "post", "charge"...); "calls" is
    # kept: a cue needs a subject read before it ("Lee calls it …"), "phone calls" has none.
    forms -= set(_REGULAR_SPEECH) - {"say", "add", "insist", "warn", "claim", "argue"}
    forms -= {"say", "tell", "write", "post", "state", "report", "question", "charge"}
    forms -= {"states", "posts", "reports", "questions", "charges",
              "continue", "continues", "continuing", "promise", "promises", "stated"}
    # Bare forms after an auxiliary: "did grudgingly concede that".
    return forms | {"stated", "concede", "admit", "acknowledge", "say"}


SPEECH_VERBS: frozenset[str] = frozenset(_speech_forms())

# Verbs that, with a subject, clearly report speech in an unquoted clause.
INDIRECT_VERBS = frozenset("""
said says told tells added adds argued argues claimed claims warned warns insisted insists
noted notes explained explains stated acknowledged acknowledges admitted admits conceded
concedes stressed stresses maintained maintains contended contends asserted asserts
reiterated reiterates emphasised emphasized predicted predicts wrote writes tweeted
replied replies promised promises assured assures conceded concede admit acknowledge
say cautioned cautions observed
announced announces suggested suggests recalled recalls declared declares confirmed
confirms complained complains reported reports agreed agrees boasted boasts lamented
laments testified testifies vowed vows pledged pledges alleged alleges charged countered
counters responded responds joked jokes
""".split())

# Of those, the verbs that take a noun object as readily as a clause: they report speech
# only with an explicit "that" right after them ("announced that", not "announced a plan").
THAT_ONLY_VERBS = frozenset("""
announced announces suggested suggests recalled recalls declared declares confirmed
confirms complained complains reported reports agreed agrees boasted boasts lamented
laments testified testifies vowed vows pledged pledges alleged alleges charged countered
counters responded responds joked jokes
""".split())

# Participles that continue the previous speaker's turn ("..., adding that").
PARTICIPLES = frozenset(f for f in SPEECH_VERBS if f.endswith("ing"))

# Verbs after which a quotation names a thing rather than reporting speech.
# Verbs that report or judge someone's words without opening a cue here ("calling it a
# “buffet menu”", "decried the board for “walking away”"): a short quoted fragment after
# one is speech (quotes.py). Not forms that are as often nouns: calls, attacks, label
# ("calls" after its subject is read in quotes.py); "chants of “…”" report words.
CHARACTERIZING_VERBS = frozenset("""
calling chants decried decry decries decrying assailed assailing derided deride derides
deriding insulted insulting mocked mocking mocks chanted chanting crying cried labelled
labelling dubbing slammed slamming hailed hailing hails praised praising touted touting
touts bragged bragging brags quipped quipping repeating repeated repeats invoked
invoking invokes cited citing cites characterized characterizing characterised
characterising portrayed portraying portrays denounced denouncing denounces condemned
condemning condemns attacked attacking ridiculed ridiculing lambasted lambasting
screamed screaming mouthing mouthed pleaded pleading referred referring refers echoed
echoing proclaimed proclaiming proclaims referenced referencing likened likening likens
compared comparing compares exhorted exhorting accuse
""".split())

# Nouns of speech: a short quoted fragment after one in its sentence is someone's words
# ("his claim that rents were “out of control”", "a pledge to stay “neutral”") (quotes.py).
SPEECH_NOUNS = frozenset("""
statement statements claim claims criticism suggestion pledge promise promises assertion
remark remarks comment comments accusation accusations charge insistence argument warning
vow boast declaration words quote quotes quip retort complaint complaints allegation
allegations prediction
""".split())

NAMING_WORDS = frozenset("""
so-called dubbed nicknamed titled entitled called calling named known billed styled termed
""".split())

ROLE_NOUNS = frozenset("""
spokesman spokeswoman spokesperson spokespeople ambassador envoy minister secretary
president vice-president attorney director chairman chairwoman chair chief ceo cfo cto
coo founder co-founder coach manager captain striker midfielder defender goalkeeper
player senator governor mayor speaker official officer analyst economist strategist
diplomat representative congressman congresswoman lawmaker legislator mp leader premier
chancellor king queen prince princess general admiral commissioner commander judge
justice prosecutor lawyer deputy head professor researcher scientist expert executive
partner investor adviser advisor aide counsel editor author trader consultant owner
chairperson treasurer superintendent sheriff inspector detective sergeant constable
dean principal teacher doctor nurse pastor bishop pope rabbi imam witness source
administrator regulator negotiator activist campaigner spokesmen officials sources
pollster pollsters operative operatives host anchor moderator surrogate delegate delegates
staffer staffers donor donors voter voters volunteer volunteers organizer clerk scientist
analysts economists experts executives diplomats lawmakers residents witnesses
insider insiders person people member members employee worker resident
boss cofounder cardinal manager-general secretary-general director-general
assistant associate vice chancellor governor-general physician surgeon founder
candidate nominee commentator columnist reporter correspondent journalist historian
forward winger keeper centre-back full-back fullback quarterback pitcher batsman bowler
batter catcher guard rider driver racer champion skipper veteran rookie newcomer
youngster teenager star coach-elect chairman-elect boxer golfer sprinter swimmer
scot englishman englishwoman frenchman frenchwoman welshman irishman dutchman spaniard
swede dane finn norwegian australian american brazilian argentine canadian nigerian
kenyan italian german neighbour neighbor friend relative colleague passer-by bystander
eyewitness mother father sister brother wife husband son daughter fan supporter shopper
customer user parent student victim owner landlord tenant organiser organizer
barrister solicitor councillor councilor councilwoman councilman councilmember alderman
magistrate coroner headteacher headmaster headmistress vicar priest chaplain firefighter
paramedic midwife pharmacist farmer pilot soldier politician academic investigator
co-author co-star co-founder critic cleric medic mechanic director-general novelist poet artist singer actor actress
filmmaker director producer designer singer-turned-actress architect engineer entrepreneur

portuguese dutchman dutchwoman belgian swiss austrian pole czech croatian serbian greek
turk russian ukrainian japanese korean indian pakistani mexican colombian chilean
uruguayan egyptian moroccan senegalese ghanaian ivorian cameroonian jamaican irishwoman
welshwoman scotsman scotswoman frenchwoman spaniard icelander brit briton texan
californian londoner new-zealander kiwi aussie argentinian venezuelan peruvian
ecuadorian nigerian south-african zimbabwean ethiopian algerian tunisian swede
republican democrat republicans democrats advocate seed
serb croat bosnian slovenian slovak hungarian romanian bulgarian albanian israeli
palestinian iranian iraqi syrian lebanese jordanian saudi qatari emirati yemeni afghan
bangladeshi sri-lankan nepali filipino vietnamese thai indonesian malaysian singaporean
taiwanese mongolian kazakh uzbek armenian azerbaijani belarusian lithuanian latvian
estonian cuban dominican haitian bolivian paraguayan panamanian guatemalan honduran
ugandan tanzanian rwandan congolese zambian somali sudanese malian libyan
playmaker centre-half centre-forward left-back right-back wing-back shortstop linebacker
businessman businesswoman businessmen billionaire mogul tycoon neurosurgeon
front-runner frontrunner widow widower ally allies constituent
""".split())

# Title words that may precede a name: "President Xi Jinping", "U.S. Attorney G. Z. T.".
TITLE_WORDS = frozenset("""
president vice secretary minister ambassador attorney senator sen. rep. representative
governor gov. del. mayor judge justice general gen. admiral adm. chancellor premier king queen
prince princess pope speaker director chairman chairwoman chair ceo coach commissioner
spokesman spokeswoman spokesperson sheriff detective sergeant sgt. inspector officer
professor prof. dr. dr mr. mr mrs. mrs ms. ms miss sir dame lord lady rev. reverend
captain capt. colonel col. lieutenant lt. major maj. chief deputy envoy diplomat
congressman congresswoman lawmaker leader founder manager economist analyst official
mm. m. mme. herr frau
""".split())

# Capitalised words that make a name an organisation.
ORG_WORDS = frozenset("""
ministry department office commission committee council agency administration bank
group inc inc. corp corp. co co. ltd ltd. llc plc university college school institute
association federation league club party police court government times post press
news network reuters bloomberg xinhua tass afp ap cnn bbc nbc cbs abc fox foundation
center centre fund board authority service services union company corporation airlines
airways motors systems technologies labs capital partners holdings bureau house kremlin
pentagon parliament congress senate assembly embassy consulate army navy force forces
command fc united city county state republic kingdom commonwealth journal herald
tribune telegraph guardian gazette daily weekly magazine review media television radio
newsweek politico axios globe observer chronicle courier express mirror sun star
hospital clinic organisation organization alliance coalition cabinet
logistics pharmaceuticals pharma therapeutics biotech software semiconductor semiconductors
energy resources mining petroleum insurance financial securities investments ventures
solutions networks robotics brands foods telecom telecoms communications entertainment
studios automotive aerospace electronics shipping freight railways utilities chemicals
dynamics analytics bancorp gmbh ag plc
""".split())

# Lower-case heads of organisation descriptions: "the ministry said".
ORG_NOUNS = frozenset("""
ministry government company firm club team department agency embassy commission police
court committee administration bank council regulator union league board group
newspaper paper network broadcaster organisation organization office party campaign
federation association university school hospital airline carrier operator retailer
maker manufacturer startup carmaker automaker lender insurer insurer watchdog
prosecutors authorities military army navy spokesman's statement
""".split()) - {"spokesman's", "statement"}

# Documents that speak for whoever issued them: "the statement said".
DOC_NOUNS = frozenset("""
statement note report letter memo filing release email e-mail post notice
""".split())

# Places and institutions used as metonyms for governments ("Washington said").
PLACES = frozenset("""
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon
canada chile china colombia croatia cuba cyprus czechia denmark ecuador egypt england
estonia ethiopia europe finland france georgia germany ghana greece guatemala haiti
honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania
luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco myanmar nepal
netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru
philippines poland portugal qatar romania russia rwanda scotland serbia singapore
slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan
tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan
venezuela vietnam wales yemen zambia zimbabwe america
us u.s. usa u.s.a. uk u.k. eu u.n. un nato opec who imf
washington beijing moscow london paris berlin tokyo brussels kyiv kiev tehran seoul
pyongyang delhi islamabad ottawa canberra ankara jerusalem cairo riyadh taipei
brasilia madrid rome kremlin pentagon vatican whitehall hanoi manila jakarta bangkok
""".split())

MULTIWORD_PLACES = frozenset("""
united states|united kingdom|white house|downing street|hong kong|new york|new delhi|
south korea|north korea|saudi arabia|south africa|new zealand|san francisco|los angeles|
capitol hill|wall street|silicon valley|mexico city|sri lanka|costa rica|latin america|
central america|south america|north america|european union|united nations|middle east|
el salvador|puerto rico|people's republic of china|people’s republic of china|
united arab emirates|czech republic|dominican republic|ivory coast|buenos aires|
rio de janeiro|tel aviv|abu dhabi|las vegas|new jersey|new mexico|south carolina|
north carolina|west virginia|rhode island|hong kong's
""".replace("\n", "").split("|"))

# Capitalised words that are never part of a person's name.
STOP_CAPS = frozenset("""
the a an in on at but and or so yet however meanwhile also after before while since
if as for from with by only even both more most some many this that these those his
her their our its it he she they we i you there here why how what who when where which
then now still last next former new according during under over about against into
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december
chinese american british french german russian japanese indian mexican european
african asian canadian australian korean iranian israeli ukrainian italian spanish
u.s. us uk u.k. eu un
state defense defence justice commerce treasury health foreign interior homeland
finance energy labor labour agriculture education trade security public national
international federal central global world western eastern northern southern
photo video read watch related advertisement reporting editing additional
like to of despite neither either unlike speaking presumptive democratic rival once
did does do is was are were had has have vermonter texan floridian ohioan iowan virginian
californian coloradan arizonan nevadan michigander minnesotan georgian
""".split())

# Third-person and past verbs of headlines that glue names into one capitalised run:
# "Podesta Said …", "Ferrera Sends Trump …": a person's name never holds them.
HEADLINE_VERBS = frozenset({f for f in SPEECH_VERBS if f.endswith("s")} | set("""
said sent sends speaks calls called hits rips wins won loses lost backs endorses
endorsed attacks attacked defends defended mocks mocked praises praised debunks
debunked slammed blasted ripped knocks knocked explains reveals revealed admits
responds reacts reacted shares shared sees seeks gets takes makes gives wants needs
faces plans
""".split()))

# US states and cities: where something happens, never a speaker.
US_PLACES = frozenset("""
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
chicago houston phoenix philadelphia dallas boston seattle denver detroit atlanta miami
baltimore cleveland milwaukee nashville orlando tampa pittsburgh cincinnati sacramento
portland charlotte indianapolis columbus memphis louisville minneapolis
n.c. s.c. n.h. n.y. n.j. calif. fla. ariz. mich. wis. pa. va. ga. tex. mass.
""".split()) | frozenset("""
new hampshire|new york|new jersey|new mexico|north carolina|south carolina|west virginia|
rhode island|north dakota|south dakota|san diego|san antonio|san jose|los angeles|
las vegas|new orleans|st. louis|salt lake city|kansas city|oklahoma city|des moines|
fort worth|el paso|long island|staten island|the bronx|pacific ocean|atlantic ocean|
gulf of mexico|new york city|san francisco|washington state
""".replace("\n", "").split("|"))

PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})
# Subject pronouns of a cue: "it" speaks for the organisation last named ("It said …").
SUBJECT_PRONOUNS = PRONOUNS | {"it", "It"}

NAME_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "di", "le", "la",
                            "du", "der", "den", "ter", "ibn", "el", "dos", "das", "del"})

# Words skipped between a speaker and the verb: "Wang on Thursday said".
ADVERBS = frozenset("""
also again later previously then further repeatedly once earlier recently yesterday
today tonight has had have did does do would will had already often frequently
immediately quickly bluntly flatly angrily simply reportedly separately additionally
himself herself themselves itself last week this month year morning afternoon evening
night on in at
""".split())

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd vs mt ft no
jan feb aug sept oct nov dec capt maj adm rev gov mm mme messrs est approx dept univ
del atty
""".split())

# Anonymous-source heads with an indefinite determiner: "a U.S. official".
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "several", "some", "A", "An",
                        "One", "Two", "Three", "Several", "Some"})
DEFINITE = frozenset({"the", "The", "this", "This", "that", "That"})

# Nouns that mark a quotation as the name of a work rather than speech.
WORK_NOUNS = frozenset("""
film movie book novel show series song album report documentary programme program
podcast column article play opera poem paper study campaign slogan hashtag headline
episode track single initiative operation plan bill act policy doctrine law motto
""".split())

# Abbreviated state names, canonicalised for organisation speakers.
ALIASES = {"US": "United States", "U.S.": "United States", "USA": "United States",
           "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
           "EU": "European Union", "UN": "United Nations", "U.N.": "United Nations"}

def _given_names() -> dict[str, str]:
    """Read given_names.txt ("he: …" / "she: …" lines): given names with a clear
    conventional gender, from many regions; a name listed under both is left out."""
    found: dict[str, set[str]] = {}
    text = (Path(__file__).parent / "given_names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        gender, sep, names = line.partition(":")
        if sep and gender in ("he", "she") and not line.startswith("#"):
            for name in names.split():
                found.setdefault(name, set()).add(gender)
    return {name: genders.pop() for name, genders in found.items() if len(genders) == 1}


# Given names with a clear conventional gender, so that "she" does not resolve to a man
# named earlier while a woman is available. Ambiguous names stay neutral.
GIVEN_NAME_GENDER: dict[str, str] = _given_names()

# Honorifics that tell a person's gender: "Mr Hale", "Ms. Sorokina".
HONORIFIC_GENDER = {"mr": "he", "mr.": "he", "sir": "he", "lord": "he", "mrs": "she",
                    "mrs.": "she", "ms": "she", "ms.": "she", "miss": "she", "dame": "she",
                    "lady": "she", "m.": "he", "mme.": "she", "herr": "he", "frau": "she"}

# Role words that tell a person's gender ("the actress", "Councilwoman Ortiz").
GENDERED_ROLES: dict[str, frozenset[str]] = {
    "she": frozenset("""
actress spokeswoman chairwoman councilwoman congresswoman businesswoman sportswoman
policewoman englishwoman frenchwoman irishwoman welshwoman scotswoman dutchwoman
mother sister wife daughter aunt niece grandmother queen princess duchess countess
widow girlfriend headmistress waitress heiress singer-turned-actress
""".split()),
    "he": frozenset("""
spokesman chairman councilman congressman businessman sportsman policeman alderman
englishman frenchman irishman welshman scotsman dutchman father brother husband son
uncle nephew grandfather king prince duke count widower boyfriend headmaster
""".split()),
}

# Role nouns that refer to the same office, so that "the minister" finds a "Home
# Secretary" and "the boss" a "chief executive": each head noun of a role as written
# also answers to these description heads.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "secretary": ("minister",),
    "chancellor": ("minister",),
    "premier": ("minister", "leader"),
    "ceo": ("chief", "executive", "boss", "head"),
    "executive": ("chief", "boss", "executive"),
    "chief": ("boss", "executive", "head"),
    "chairman": ("chair", "boss", "chairperson"),
    "chairwoman": ("chair", "boss", "chairperson"),
    "chairperson": ("chair", "chairman", "chairwoman"),
    "president": ("leader", "head"),
    "founder": ("boss",),
    "owner": ("boss",),
    "coach": ("manager", "boss", "coach"),
    "manager": ("coach", "boss"),
    "head": ("boss", "chief"),
    "director": ("boss", "head"),
    "justice": ("judge",),
    "judge": ("justice",),
    "magistrate": ("judge",),
    "recorder": ("judge",),
    "sen": ("senator", "lawmaker", "legislator", "politician"),
    "senator": ("lawmaker", "legislator", "politician"),
    "rep": ("representative", "congressman", "congresswoman", "lawmaker", "legislator",
            "politician"),
    "representative": ("congressman", "congresswoman", "lawmaker", "legislator"),
    "congressman": ("representative", "lawmaker", "legislator", "politician"),
    "congresswoman": ("representative", "lawmaker", "legislator", "politician"),
    "mp": ("lawmaker", "politician", "legislator"),
    "councilwoman": ("councillor", "councilor", "lawmaker", "politician", "official"),
    "councilman": ("councillor", "councilor", "lawmaker", "politician", "official"),
    "councilmember": ("councillor", "councilor", "lawmaker", "politician", "official"),
    "councillor": ("councilor", "politician", "official"),
    "councilor": ("councillor", "politician", "official"),
    "attorney": ("lawyer", "counsel"),
    "barrister": ("lawyer", "counsel"),
    "solicitor": ("lawyer",),
    "counsel": ("lawyer", "attorney"),
    "kc": ("lawyer", "barrister", "counsel"),
    "qc": ("lawyer", "barrister", "counsel"),
    "prosecutor": ("lawyer", "attorney", "prosecution"),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
    "spokesperson": ("spokesman", "spokeswoman"),
    "mayor": ("politician", "official"),
    "governor": ("politician", "official"),
    "gov": ("governor", "politician", "official"),
    "commissioner": ("official",),
    "detective": ("officer", "investigator", "detective"),
    "inspector": ("officer", "detective"),
    "sergeant": ("officer",),
    "constable": ("officer",),
    "sheriff": ("officer", "official"),
    "professor": ("academic", "researcher", "expert"),
    "dr": ("doctor",),
    "physician": ("doctor",),
    "surgeon": ("doctor",),
    "striker": ("forward", "player"),
    "forward": ("striker", "player"),
    "midfielder": ("player",),
    "defender": ("player",),
    "goalkeeper": ("keeper", "player"),
    "captain": ("skipper", "player"),
    "skipper": ("captain",),
    "analyst": ("expert",),
    "economist": ("expert", "analyst"),
}

# Capitalised office words written before a name ("Councilwoman Maria Ortiz") that are
# not name tokens; only a leading run of them is dropped from the name.
NAME_PREFIX_TITLES = frozenset("""
councilwoman councilman councilmember councillor councilor alderman alderwoman assemblyman
assemblywoman assemblymember delegate prosecutor attorney lawyer barrister solicitor
spokesman spokeswoman spokesperson chairman chairwoman manager coach superintendent
commissioner magistrate recorder principal dean bishop archbishop rabbi imam pastor father
officer constable trooper agent deputy chief inspector detective sergeant sgt. corporal
cpl. private pte. minister secretary ambassador president premier senator representative
congressman congresswoman governor mayor judge justice professor doctor dr. dr prof.
""".split())

# Post-nominal letters dropped from a name ("Priya Shah KC"); generational suffixes
# (Jr., III) stay part of it but are not used as a surname.
POSTNOMINALS = frozenset("kc qc mp msp mla obe cbe mbe kbe dbe phd md jp frs".split())
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

# Organisation descriptions and the organisation types they fit: "the bank" is the
# latest bank named, "the club" the latest club. A type is told by a word of the name
# ("Northern Rock Bank", "Harbour United") or a noun written next to it ("the lender").
ORG_HEAD_TYPES: dict[str, frozenset[str]] = {
    "company": frozenset({"company", "business"}),
    "firm": frozenset({"company", "business"}),
    "group": frozenset({"company", "business"}),
    "business": frozenset({"company", "business"}),
    "carmaker": frozenset({"company"}), "automaker": frozenset({"company"}),
    "retailer": frozenset({"company"}), "maker": frozenset({"company"}),
    "manufacturer": frozenset({"company"}), "startup": frozenset({"company"}),
    "airline": frozenset({"company", "airline"}), "carrier": frozenset({"company", "airline"}),
    "operator": frozenset({"company"}), "insurer": frozenset({"company", "bank"}),
    "bank": frozenset({"bank"}), "lender": frozenset({"bank"}),
    "club": frozenset({"club"}), "team": frozenset({"club"}),
    "regulator": frozenset({"regulator"}), "watchdog": frozenset({"regulator"}),
    "authority": frozenset({"regulator", "public"}),
    "ministry": frozenset({"ministry"}), "department": frozenset({"ministry", "public"}),
    "government": frozenset({"government"}),
    "council": frozenset({"council", "public"}),
    "university": frozenset({"university"}), "school": frozenset({"university"}),
    "hospital": frozenset({"hospital"}), "union": frozenset({"union"}),
    "party": frozenset({"party"}), "court": frozenset({"court"}),
    "agency": frozenset({"regulator", "public", "agency"}),
    "charity": frozenset({"charity"}), "broadcaster": frozenset({"media"}),
    "newspaper": frozenset({"media"}), "paper": frozenset({"media"}),
    "network": frozenset({"media"}),
}

# Words of an organisation's name that give its type.
ORG_NAME_TYPES: dict[str, str] = {
    "inc": "company", "inc.": "company", "corp": "company", "corp.": "company",
    "corporation": "company", "co": "company", "co.": "company", "ltd": "company",
    "ltd.": "company", "llc": "company", "plc": "company", "group": "company",
    "holdings": "company", "industries": "company", "technologies": "company",
    "systems": "company", "labs": "company", "motors": "company", "partners": "company",
    "capital": "company", "ag": "company", "gmbh": "company", "sa": "company",
    **{w: "company" for w in """logistics pharmaceuticals pharma therapeutics biotech software
       semiconductor semiconductors energy resources mining petroleum insurance financial
       securities investments ventures solutions networks robotics brands foods telecom
       telecoms communications entertainment studios automotive aerospace electronics
       shipping freight railways utilities chemicals dynamics analytics""".split()},
    "airlines": "airline", "airways": "airline",
    "bank": "bank", "bancorp": "bank", "building society": "bank",
    "fc": "club", "united": "club", "city": "club", "rovers": "club", "athletic": "club",
    "wanderers": "club", "albion": "club", "hotspur": "club", "club": "club",
    "authority": "regulator", "commission": "regulator", "regulator": "regulator",
    "ministry": "ministry", "department": "ministry", "council": "council",
    "university": "university", "college": "university", "school": "university",
    "hospital": "hospital", "union": "union", "party": "party", "court": "court",
    "agency": "agency", "foundation": "charity", "trust": "charity",
}

# Nouns that, written right before or after an organisation's name, give its type:
# "the lender Northern Rock", "Orbis, a software company".
ORG_TYPE_NOUNS: dict[str, str] = {
    "company": "company", "firm": "company", "group": "company", "business": "company",
    "maker": "company", "retailer": "company", "carmaker": "company", "startup": "company",
    "manufacturer": "company", "conglomerate": "company", "giant": "company",
    "bank": "bank", "lender": "bank", "club": "club", "side": "club", "team": "club",
    "regulator": "regulator", "watchdog": "regulator", "ministry": "ministry",
    "airline": "airline", "carrier": "airline", "charity": "charity",
    "broadcaster": "media", "newspaper": "media", "university": "university",
}

# Offices: a description headed by one of these ("the minister", "the judge") names a
# post, which a person known to hold a different one does not fill.
OFFICE_WORDS = frozenset(TITLE_WORDS | set(ROLE_SYNONYMS) | {
    w for syns in ROLE_SYNONYMS.values() for w in syns}) - {"player", "expert", "official",
                                                           "politician", "head", "boss"}

# Last words of a capitalised run that make it a place, an event or a work, not a
# person: "Coral Ocean", "Tern Islands", "Harbour Speech", "Evening Coverage".
NON_PERSON_FINALS = frozenset("""
ocean sea islands island river mountains valley bay county avenue boulevard plaza airport
stadium arena station speech coverage address remarks debate interview show report act
plan program programme tour rally summit convention hearing hotel casino resort prize
award war depression
""".split())
