"""What several components share: the lexicon reader, entity label sets, number words, spans."""
