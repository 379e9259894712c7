"""Who a statement's source is: the source span tidied (tidy), attribution lines ("-- John Smith,
AP") and continued quotes (continuations), resolved to an actor (resolve)."""
