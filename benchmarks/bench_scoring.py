"""Scoring shared by the accuracy benchmarks."""


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 of `tp` true positives among `n_pred` predictions and `n_gold` gold items."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
