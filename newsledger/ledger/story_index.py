"""Stories in the store: each linked article joins the story whose centroid (the sum of the
profiles of its articles found as candidates) is most similar to it (TF-IDF cosine at least
STORY_MIN), else a story of its own (named by its article id).

Candidates come from the story_terms index (articles sharing one of its strongest terms, the
newest MAX_POSTINGS per term), so linking an article reads a bounded number of rows however
large the ledger. Document frequencies are kept in term_df, updated in the linking transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, func, select

from ..store import backend, ledger_tables
from . import stories

STORY_MIN = 0.30  # centroid cosine joining a story; see the README (ECB+ tuning half and the fixture sets)
MAX_POSTINGS = 200  # per blocking term: its newest articles are the candidates


class StoryIndex:
    """The stories of one linking transaction (under the link lock)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.n_docs = conn.execute(select(func.count()).select_from(ledger_tables.article_stories)).scalar_one()
        # Document-frequency increments not written yet: added to what _df reads, written by flush()
        # as one upsert per term (an upsert per term per article was most of linking on PostgreSQL).
        self.pending: dict[str, int] = {}

    def assign(self, article_id: str, text: str, copy_of: str | None = None) -> tuple[str, float, str | None]:
        """Store the article's profile and story; returns (story, cosine, most similar article)."""
        counts = stories.term_counts(text)
        df = self._df(list(counts))
        prof = stories.profile(counts, df, self.n_docs)
        story, best_sim, best_id = article_id, 0.0, None
        if copy_of:
            found = self.conn.execute(
                select(ledger_tables.article_stories.c.story).where(
                    ledger_tables.article_stories.c.article_id == copy_of
                )
            ).scalar()
            story, best_sim, best_id = found or article_id, 1.0, copy_of
        else:
            by_story: dict[str, list[tuple[float, str, dict]]] = {}
            for cid, cstory, cprof in self._candidates(stories.block_terms(prof)):
                by_story.setdefault(cstory, []).append((stories.cosine(prof, cprof or {}), cid, cprof or {}))
            # The story's centroid (its articles found, summed): one article between two stories
            # does not chain them, and a story's common terms outweigh one member's odd ones.
            scored = sorted(
                (
                    (
                        stories.cosine(prof, stories.centroid([p for _, _, p in found])),
                        *min(found, key=lambda x: (-x[0], x[1]))[:2],
                        st,
                    )
                    for st, found in by_story.items()
                ),
                key=lambda x: (-x[0], x[3]),
            )
            if scored:
                sim, best_sim, best_id, found_story = scored[0]
                if sim >= STORY_MIN:
                    story = found_story
        self.conn.execute(
            ledger_tables.article_stories.insert(), {"article_id": article_id, "story": story, "profile": prof}
        )
        backend.insert_many_ignoring_duplicates(
            self.conn,
            ledger_tables.story_terms,
            [{"term": t, "article_id": article_id, "seq": self.n_docs} for t in stories.block_terms(prof)],
        )
        self._count(list(counts))
        self.n_docs += 1
        return story, round(best_sim, 4), best_id

    def _df(self, terms: list[str]) -> dict[str, int]:
        t = ledger_tables.term_df
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            out.update(self.conn.execute(select(t.c.term, t.c.df).where(t.c.term.in_(terms[i : i + 500]))).all())
        for term in terms:
            if term in self.pending:
                out[term] = out.get(term, 0) + self.pending[term]
        return out

    def _count(self, terms: list[str]) -> None:
        for term in terms:
            self.pending[term] = self.pending.get(term, 0) + 1

    def flush(self) -> None:
        """Write the pending document frequencies (before the linking transaction commits), as one
        statement (backend.insert_many)."""
        if not self.pending:
            return
        backend.insert_many(
            self.conn,
            ledger_tables.term_df,
            [
                {"term": t, "df": self.pending[t]} for t in sorted(self.pending)
            ],  # one order: two writers lock rows alike
            "(term) DO UPDATE SET df = term_df.df + excluded.df",
        )
        self.pending.clear()

    def _candidates(self, terms: list[str]) -> list[tuple[str, str, dict]]:
        st, ast = ledger_tables.story_terms, ledger_tables.article_stories
        rank = func.row_number().over(partition_by=st.c.term, order_by=st.c.seq.desc()).label("rank")
        postings = select(st.c.article_id, rank).where(st.c.term.in_(bindparam("terms", expanding=True))).subquery()
        ids = select(postings.c.article_id).where(postings.c.rank <= MAX_POSTINGS).distinct()
        q = select(ast.c.article_id, ast.c.story, ast.c.profile).where(ast.c.article_id.in_(ids))
        return [tuple(r) for r in self.conn.execute(q, {"terms": terms})]
