"""The PolNeAR scorer itself, on hand-made gold and predictions."""

from newsledger.components import EXTENSIONS  # noqa: F401  (registers doc._.statements)
from newsledger.records import SourceSpan, Span, Statement
from tests.conftest import load_benchmark


def bench():
    return load_benchmark("attribution")


def test_read_ann_keeps_fragments(tmp_path):
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 3\tThe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;15 20\tabc de\n"
        "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    gold = bench().read_ann(ann)
    assert gold["Source"] == [[(0, 3)]] and gold["Content"] == [[(9, 12), (15, 20)]]


def test_exact_and_token_scores(spacy_model):
    b = bench()
    text = "The mayor said the bridge is safe."
    doc = spacy_model(text)
    gold = {"Source": [[(0, 9)]], "Cue": [[(10, 14)]], "Content": [[(15, 33)]]}
    # predicted source too short ("mayor"), cue exact, content without "the"
    pred = {"Source": [[(4, 9)]], "Cue": [[(10, 14)]], "Content": [[(19, 33)]]}
    s = b.Scores()
    s.add(doc, gold, pred)
    t = s.table()
    assert t["Cue"]["exact_f1"] == 1.0 and t["Source"]["exact_f1"] == 0.0
    assert t["Source"]["token_p"] == 1.0 and t["Source"]["token_r"] == 0.5
    assert t["Content"]["token_p"] == 1.0 and t["Content"]["token_r"] == 0.75  # 3 of 4 words


def test_nested_statements_are_left_out():
    b = bench()
    outer = Statement("s2", False, None, Span(40, 52, "according to"), Span(0, 38, "x" * 38))
    inner = Statement("s1", False, None, Span(10, 14, "said"), Span(15, 38, "y" * 23))
    assert b.outermost([inner, outer]) == [outer]


def test_outermost_keeps_one_of_two_mutually_nested_statements():
    # each cue lies in the other's content (a mis-parsed clause): the longer content is outer
    b = bench()
    long_ = Statement("s1", False, None, Span(30, 34, "says"), Span(0, 60, "x" * 60))
    short = Statement("s2", False, None, Span(5, 11, "wanted"), Span(12, 40, "y" * 28))
    assert b.outermost([long_, short]) == [long_]


def test_pronoun_sources_scored_against_hand_annotated_speakers(spacy_model):
    b = bench()
    doc = spacy_model("Kim said so. He said more. She said it. They said nothing.")
    right = Statement("s1", False, SourceSpan(13, 15, "He", None, Span(0, 3, "Kim")), None, Span(0, 1, "x"))
    wrong = Statement("s2", False, SourceSpan(27, 30, "She", None, Span(0, 3, "Kim")), None, Span(0, 1, "x"))
    unresolved = Statement("s3", False, SourceSpan(40, 44, "They", None, None), None, Span(0, 1, "x"))
    doc._.statements = [right, wrong, unresolved]
    p = b.PronounScores()
    p.add(doc, [(13, 15, ["Kim"]), (27, 30, ["Lee"]), (40, 44, ["staff"]), (50, 52, ["nobody"])])
    t = p.table()
    assert (t["gold"], t["found"], t["resolved"], t["correct"]) == (4, 3, 2, 1)
    assert t["accuracy"] == 0.25
    by = t["by_pronoun"]
    assert (by["he"]["gold"], by["he"]["correct"]) == (1, 1)
    assert (by["they"]["found"], by["they"]["resolved"]) == (1, 0)
    assert by["no"]["gold"] == 1 and by["no"]["found"] == 0  # (50, 52) is "no" (of "nothing")


def test_pronoun_speaker_table_reads_and_halves_split_the_articles():
    b = bench()
    rows = b.read_pronoun_speakers()
    assert sum(len(v) for v in rows.values()) >= 100
    assert all(s < e and speakers for v in rows.values() for s, e, speakers in v)
    assert b.HALVES == ("a", "b")
