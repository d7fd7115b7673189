"""Generate a realistic, deterministic news corpus with attributed quotes (cached under bench/out/).

    .venv/bin/python bench/corpus.py --quotes 100000            # -> bench/out/corpus_100000.db
    .venv/bin/python bench/corpus.py --quotes 1000000 --rebuild

Articles of 3-6 KB of English-like prose (a Zipf-distributed vocabulary: real English words
first, invented words for the long tail) from a few hundred outlets over ten years, quoting
thousands of people, some organisations and a few anonymous sources in the usual forms:
“…,” said Name, role. / Name, role, said: “…” / “…,” Surname said. / Name said that … /
called it “…”. One quote in twenty is made only of the 60 commonest words (the worst case for a
word index). Quote spans are exact by construction, so the extractor is not run; rows are written
with the store's own functions (api.store.ingest.quote_row, upsert_speaker, check_span), many
articles per transaction, then api.store.provenance_index.rebuild_index().
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.db import connect, init_schema  # noqa: E402
from api.extraction.model import ExtractedQuote, Speaker  # noqa: E402
from api.store import ids  # noqa: E402
from api.store.ingest import (SourceInput, check_span, now_iso, quote_row,  # noqa: E402
                              upsert_speaker)
from api.store.provenance_index import rebuild_index  # noqa: E402

OUT = ROOT / "bench" / "out"

# The commonest English words, in rough frequency order (shared with bench_provenance.py).
COMMON = """the of and to a in that is was he for it with as his on be at by i this had not are but
from or have an they which one you were her all she there would their we him been has when who will
more no if out so said what up its about into than them can only other new some could time these two
may then do first any my now such like our over man me even most made after also did many before
must through back years where much your way well down should because each just those people how too
little state good very make world still own see men work long get here between both life being under
never day same another know while last might us great old year off come since against go came right
used take three""".split()
# Newsroom words after them, so the corpus reads like news rather than a word list.
NEWS = """government minister officials police court report plan company market price prices week
month city country president council talks deal support security economy billion million percent
public health workers union vote election party law crisis policy budget funding energy water
schools hospital children families business industry growth rate trade border military forces
attack investigation evidence judge decision agreement leaders state spokesman statement region
project costs jobs housing climate emissions fuel power services system program agency data
development rights protest protesters strike shares investors bank interest inflation tax taxes
reform pressure risk safety victims community residents local national international federal
ministry department board chief executive director analysts experts research study survey
changes increase decline record level levels measures response concerns questions issue issues
pandemic vaccine patients doctors nurses care insurance prison charges trial lawyers appeal
campaign candidates voters parliament senate congress bill committee hearing sanctions war peace
ceasefire troops aid refugees migrants storm flooding fire drought farmers crops food supply
demand production factory plant oil gas coal solar wind electricity network internet technology
software users platform social media online privacy students teachers university science space
""".split()
SYLLABLES = "ka ri to ne mu sa lo vi de pa ru zo fi ge ba mo ti ha nu le".split()
FIRST = """James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew
Betty Anthony Sandra Mark Margaret Paul Ashley Steven Kimberly Andrew Emily Kenneth Donna Joshua
Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Jason Rebecca
Edward Sharon Jeffrey Laura Ryan Cynthia Jacob Amy Gary Kathleen Nicholas Angela Eric Helen
Jonathan Anna Stephen Brenda Larry Pamela Justin Nicole Scott Emma Brandon Samantha Benjamin
Katherine Samuel Christine Gregory Debra Alexander Rachel Patrick Carolyn Frank Janet Raymond
Maria Jack Olivia Dennis Heather Jerry Diane Tyler Julie Aaron Joyce Jose Victoria Adam Ruth
Nathan Virginia Henry Lauren Zachary Kelly Douglas Christina Peter Joan Kyle Evelyn Noah Judith
Ethan Andrea Jeremy Hannah Walter Megan Christian Cheryl Keith Jacqueline Roger Martha Terry
Madison Austin Teresa Sean Gloria Gerald Sara Carl Janice Harold Ann Dylan Kathryn Arthur Abigail
Lawrence Sophia Jordan Frances Jesse Jean Bryan Alice Billy Judy Bruce Isabella Gabriel Julia
Joe Grace Logan Amber Alan Denise Juan Danielle Albert Marilyn Willie Beverly Elijah Charlotte
Wayne Natalie Randy Theresa Vincent Diana Mason Brittany Roy Doris Ralph Kayla Bobby Alexis
Russell Lori Bradley Marie Philip Wei Fatima Mohammed Aisha Hiroshi Yuki Olga Ivan Priya Raj
Chen Ana Luis Sofia Mateo Ingrid Lars Amara Kwame Leila Omar Elena Dmitri Mei Tariq Nadia""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders
Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina
Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington
Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter
Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black
Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson
Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce
Okafor Mensah Haddad Sorokina Ivanova Tanaka Suzuki Yamamoto Wang Zhang Liu Huang Singh Kumar
Sharma Khan Rahman Ahmed Hassan Novak Kowalski Jansen Larsen Nielsen Berg Dubois Moreau Rossi
Russo Ferrari Costa Santos Oliveira Pereira Almeida Mwangi Otieno Abubakar Diallo Traore""".split()
PLACES = """
Riverton Northgate Easton Westbrook Lakeside Millbrook Fairview Kingsport Ashford Brookfield
Cedar Clayton Dover Elmwood Fulton Glenwood Hanover Irving Jasper Kenton Lancaster Madison
Newport Oakdale Pinecrest Quincy Redmond Salem Trenton Union Vernon Waverly Yorktown Ziontown
Bayview Belmont Camden Danbury Edgewater Franklin Georgetown Hampton Highland Hudson Jackson
Kingston Lexington Marion Milford Norwood Oxford Plymouth Richmond Shelby Springfield Stratford
Summit Troy Warren Windsor Woodbury Arden Bristol Canton Chester Clinton Dayton Essex Fremont
Granville Harlow Ithaca Lenox Marlow Monroe Nashua Orland Preston Quarry Ridgefield Sutton
""".split()
PAPERS = "Herald Times Post Gazette Tribune Courier Chronicle Journal Observer Star Record Ledger"
PAPERS = PAPERS.split()
AGENCIES = ["AFP", "Reuters", "AP", "BBC News", "Al Jazeera", "Bloomberg", "Xinhua", "DPA"]
ORG_KINDS = """Ministry of Finance|Ministry of Health|Ministry of Defence|Foreign Ministry|
Central Bank|Supreme Court|Electoral Commission|Police Department|Fire Service|Port Authority|
Teachers Union|Chamber of Commerce|Red Cross|World Bank|Health Agency|Energy Regulator|
Transport Authority|Farmers Federation|Medical Association|Bar Association"""
ORG_KINDS = ORG_KINDS.replace("\n", "").split("|")
ROLES = """finance minister|health minister|defence minister|foreign minister|prime minister|mayor|
governor|senator|opposition leader|chief executive|chief economist|police spokeswoman|police
spokesman|union leader|professor of economics|climate scientist|hospital director|court spokesman|
campaign manager|central bank governor|interior minister|party chairman|analyst|resident|
lawyer|teacher|nurse|farmer|army spokesman|city councillor""".replace("\n", " ").split("|")
ANONYMOUS = ["a senior official", "a government source", "a person familiar with the matter",
             "a diplomat", "an aide"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
PERSONS, ORGANISATIONS, OUTLETS = 8000, 400, 300
FIRST_DAY = date(2016, 1, 1).toordinal()
DAYS = date(2025, 12, 31).toordinal() - FIRST_DAY + 1
COMMON_ONLY_EVERY = 20
ANONYMOUS_EVERY = 40
TX_ARTICLES = 500


def vocabulary(size: int, rng: random.Random, head: list[str] = COMMON) -> list[str]:
    """Return the head words, then invented words, in frequency-rank order."""
    words = list(dict.fromkeys(head))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Writer:
    """Draw sentences from a Zipf-like distribution over the vocabulary."""

    def __init__(self, seed: int = 7, size: int = 30_000, head: list[str] = COMMON):
        self.rng = random.Random(seed)
        self.vocab = vocabulary(size, self.rng, head)
        weights = [1 / (rank + 1) ** 1.05 for rank in range(size)]
        self.cum = list(itertools.accumulate(weights))
        self.common = self.vocab[:60]

    def sentence(self, common_only: bool = False) -> str:
        n = self.rng.randint(8, 18)
        if common_only:
            words = self.rng.choices(self.common, k=n)
        else:
            words = self.rng.choices(self.vocab, cum_weights=self.cum, k=n)
        return " ".join(words).capitalize()


@dataclass(frozen=True)
class Person:
    name: str
    kind: str
    role: str | None
    last: str


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def zipf_picker(rng: random.Random, n: int, s: float = 1.0):
    """Return a function drawing an index in range(n), low indexes far more often."""
    cum = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(n)))
    return lambda: bisect.bisect(cum, rng.random() * cum[-1])


class NewsWriter(Writer):
    """Write whole news articles with attributed quotes whose spans are known exactly."""

    def __init__(self, seed: int = 2026):
        super().__init__(seed=seed, size=40_000, head=COMMON + NEWS)
        rng = self.rng
        names = sorted({f"{f} {l}" for f in FIRST for l in LAST})
        rng.shuffle(names)
        self.people = [Person(n, "person", rng.choice(ROLES), n.split()[-1])
                       for n in names[:PERSONS]]
        orgs = [f"{p} {k}" for p in PLACES for k in ORG_KINDS]
        rng.shuffle(orgs)
        self.orgs = [Person(o, "organization", None, o) for o in orgs[:ORGANISATIONS]]
        outlets = [f"The {p} {k}" for p in PLACES for k in PAPERS]
        rng.shuffle(outlets)
        self.outlets = AGENCIES + outlets[:OUTLETS - len(AGENCIES)]
        self.pick_person = zipf_picker(rng, len(self.people), 0.9)
        self.pick_org = zipf_picker(rng, len(self.orgs))
        self.pick_outlet = zipf_picker(rng, len(self.outlets), 0.8)
        self.quotes_made = 0

    def prose(self, lo: int, hi: int) -> str:
        return ". ".join(self.sentence() for _ in range(self.rng.randint(lo, hi))) + "."

    def quote_text(self, sentences: int) -> str:
        """Return a quotation of one or more sentences, without its final punctuation."""
        self.quotes_made += 1
        common = self.quotes_made % COMMON_ONLY_EVERY == 0
        return ". ".join(self.sentence(common_only=common) for _ in range(sentences))

    def article(self, number: int, n_quotes: int) -> tuple[SourceInput, list[ExtractedQuote]]:
        """Return one article (3-6 KB) and its n_quotes quotes with exact spans."""
        rng = self.rng
        day = date.fromordinal(FIRST_DAY + rng.randrange(DAYS))
        outlet = self.outlets[self.pick_outlet()]
        title = self.sentence()[:70].rsplit(" ", 1)[0].title()
        place = rng.choice(PLACES).upper()
        out = [f"{title}\n\n{place}, {MONTHS[day.month - 1]} {day.day} ({outlet}) - "
               f"{self.prose(2, 3)}\n\n"]
        pos = len(out[0])
        quotes: list[ExtractedQuote] = []
        cast = [self.people[self.pick_person()] for _ in range(rng.randint(1, 4))]
        cast.append(self.orgs[self.pick_org()])
        introduced: set[str] = set()
        target = rng.randint(3000, 6000)
        for index in range(n_quotes):
            speaker = rng.choice(cast)
            if rng.randrange(ANONYMOUS_EVERY) == 0:
                speaker = Person(rng.choice(ANONYMOUS), "anonymous", None, "")
            para, quote = self.attributed(speaker, speaker.name in introduced, pos)
            introduced.add(speaker.name)
            quotes.append(quote)
            out.append(para)
            pos += len(para)
            while pos < target * (index + 1) // n_quotes:  # narrative between the quotes
                filler = self.prose(1, 4) + "\n\n"
                out.append(filler)
                pos += len(filler)
        text = "".join(out).rstrip() + "\n"
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        host = re.sub(r"[^a-z0-9]+", "", outlet.lower())
        source = SourceInput(
            text=text, outlet=outlet, title=title, url=f"https://www.{host}.example/"
            f"{day.year}/{day.month:02d}/{slug}-{number}", published=day.isoformat(),
            author=rng.choice(FIRST) + " " + rng.choice(LAST), language="en")
        return source, quotes

    def attributed(self, who: Person, known: bool, pos: int) -> tuple[str, ExtractedQuote]:
        """Return a paragraph quoting who and the quote with offsets relative to pos."""
        rng = self.rng
        form = rng.randrange(10)
        role = who.role if who.kind == "person" and not known else None
        if who.kind == "person" and known:
            mention = who.last if form % 2 else rng.choice(["he", "she"])
        else:
            mention = who.name
        named = f"{who.name}, {who.role}," if role else who.name
        if form < 5:  # “Quote,” said Name, role. / “Quote,” Surname said.
            body = self.quote_text(rng.choice((1, 1, 2)))
            if who.kind == "organization":
                cue = f"the {who.name} said in a statement"
            elif known and who.kind == "person":
                cue = f"{mention} said"
            else:
                cue = f"said {named.rstrip(',')}"
            head = "“"
            tail = f",” {cue}."
            kind = "full"
        elif form < 7:  # Name, role, said: “Quote.”
            body = self.quote_text(rng.choice((1, 2, 3))) + "."
            cue = f"{named} said" if not known else f"{upper_first(mention)} added"
            head, tail = f"{cue}: “", "”"
            kind = "full"
        elif form < 9:  # Name said that reported speech.
            body = self.sentence().lower()
            cue = f"{named} said that" if not known else f"{upper_first(mention)} said that"
            head, tail = f"{cue} ", "."
            kind = "indirect"
        else:  # Name called the plan “a partial quote”.
            body = " ".join(self.sentence().lower().split()[:rng.randint(3, 7)])
            cue = f"{named} called it" if not known else f"{upper_first(mention)} called it"
            head, tail = f"{cue} “", "” and said more talks were planned."
            kind = "partial"
        para = head + body + tail + "\n\n"
        start = pos + len(head)
        cue_at = para.index(cue)
        speaker = Speaker(who.name, who.kind, role=role, mention=mention)
        return para, ExtractedQuote(start, start + len(body), body, kind, speaker, cue=cue,
                                    cue_start=pos + cue_at, cue_end=pos + cue_at + len(cue),
                                    date_basis="published")


class BulkLoader:
    """Store many articles per transaction with the store's own row functions."""

    def __init__(self, db):
        self.db = db
        self.seen: set[tuple] = set()  # speaker facts already written by upsert_speaker

    def add(self, source: SourceInput, quotes: list[ExtractedQuote]) -> int:
        """Insert a source, its speakers and quotes (inside the caller's transaction)."""
        sha = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
        sid = ids.source_id(sha)
        conn = self.db.conn
        if conn.execute("SELECT 1 FROM sources WHERE id = ?", [sid]).fetchone():
            return 0
        conn.execute(
            "INSERT INTO sources (id, sha256, outlet, publisher, title, author, url, published, "
            "language, notes, text, length, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [sid, sha, source.outlet, source.publisher, source.title, source.author, source.url,
             source.published, source.language, source.notes, source.text, len(source.text),
             now_iso()])
        rows = []
        for quote in quotes:
            check_span(source.text, quote.start, quote.end, quote.text)
            rows.append(quote_row(source, sha, sid, quote, self.speaker(quote.speaker, sha)))
        if rows:
            cols = list(rows[0])
            conn.executemany(
                f"INSERT INTO quotes ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' * len(cols))})", [[r[c] for c in cols] for r in rows])
        return len(rows)

    def speaker(self, speaker: Speaker | None, sha: str) -> str | None:
        """Call upsert_speaker only when it would write something new (a name, role or alias)."""
        if speaker is None:
            return None
        key = (ids.speaker_id(speaker.name, speaker.kind, sha), speaker.role, speaker.mention)
        if key not in self.seen:
            self.seen.add(key)
            upsert_speaker(self.db, speaker, sha)
        return key[0]


def build(path: Path, n_quotes: int, seed: int = 2026) -> dict:
    """Generate n_quotes quotes into a fresh database at path; return timings in seconds."""
    began = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    db = connect(tmp)
    init_schema(db)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -1000000")
    writer, loader = NewsWriter(seed), BulkLoader(db)
    stored = number = 0
    while stored < n_quotes:
        db.execute("BEGIN")
        for _ in range(TX_ARTICLES):
            if stored >= n_quotes:
                break
            want = min(writer.rng.randint(3, 9), n_quotes - stored)
            stored += loader.add(*writer.article(number, want))
            number += 1
        db.execute("COMMIT")
        if number % 20_000 < TX_ARTICLES:
            print(f"  {stored} quotes, {number} articles, {time.perf_counter() - began:.0f} s",
                  flush=True)
    loaded = time.perf_counter()
    rebuild_index(db)
    indexed = time.perf_counter()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.replace(path)
    return {"load": loaded - began, "index": indexed - loaded, "total": time.perf_counter() - began}


def corpus_path(n_quotes: int) -> Path:
    return OUT / f"corpus_{n_quotes}.db"


def ensure_corpus(n_quotes: int, rebuild: bool = False) -> Path:
    """Return the cached corpus database of n_quotes quotes, building it if needed."""
    path = corpus_path(n_quotes)
    path.parent.mkdir(parents=True, exist_ok=True)
    if rebuild or not path.exists():
        print(f"building {path.name}: {n_quotes} quotes ...", flush=True)
        took = build(path, n_quotes)
        print(f"build time: {took['total']:.1f} s (articles and quotes {took['load']:.1f} s, "
              f"provenance index {took['index']:.1f} s)", flush=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true", help="ignore the cached database")
    args = parser.parse_args()
    path = ensure_corpus(args.quotes, args.rebuild)
    db = connect(path)
    q, s, sp, o = db.execute(
        "SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM sources), "
        "(SELECT count(*) FROM speakers), (SELECT count(DISTINCT outlet) FROM sources)").fetchone()
    print(f"{path}: {q} quotes, {s} sources, {sp} speakers, {o} outlets, "
          f"{path.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
