"""The per-Doc cache gives spaCy's own values, per Doc, and never a stale one."""

from __future__ import annotations

import threading

import spacy
from spacy.tokens import Doc

from newsledger.components.common.doc_cache import cached, doc_sents, doc_text, doc_tokens, span_text, token_starts


def _doc(words, spaces, sent_starts):
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=sent_starts)


def test_values_are_spacys():
    doc = _doc(["Troops", "left", ".", "They", "came", "back", "."], [1, 0, 1, 1, 1, 0, 0], [1, 0, 0, 1, 0, 0, 0])
    assert doc_text(doc) == doc.text == "Troops left. They came back."
    assert [t.i for t in doc_tokens(doc)] == [t.i for t in doc] and doc_tokens(doc)[3] == doc[3]
    assert doc_sents(doc) == list(doc.sents) and len(doc_sents(doc)) == 2
    assert token_starts(doc) == [t.idx for t in doc]
    assert [span_text(doc, s) for s in doc.sents] == [s.text for s in doc.sents] == ["Troops left.", "They came back."]


def test_built_once_per_doc_and_renewed_for_the_next():
    a = _doc(["a", "b"], [1, 0], [1, 0])
    b = _doc(["c"], [0], [1])
    first = cached(a)
    assert doc_tokens(a) is doc_tokens(a) and doc_text(a) == "a b" and cached(a) is first
    assert doc_text(b) == "c" and cached(b) is not first
    assert doc_text(a) == "a b" and cached(a) is not first  # another Doc in between: read again


def test_a_retokenized_doc_is_read_again():
    doc = _doc(["New", "York", "rose"], [1, 1, 0], [1, 0, 0])
    assert len(doc_tokens(doc)) == 3
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert [t.text for t in doc_tokens(doc)] == ["New York", "rose"] and token_starts(doc) == [0, 9]


def test_each_thread_has_its_own_entry():
    a = _doc(["a"], [0], [1])
    seen = {}

    def other():
        b = _doc(["b"], [0], [1])
        seen["b"] = (doc_text(b), cached(b).doc is b)

    entry = cached(a)
    t = threading.Thread(target=other)
    t.start()
    t.join()
    assert seen["b"] == ("b", True) and cached(a) is entry  # the other thread left this one's alone
