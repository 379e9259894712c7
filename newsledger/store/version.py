"""The schema version this newsledger writes and reads (migrations.py brings older ledgers to it).
Its own module so that readers without SQLAlchemy (store/lite.py) can check it."""

SCHEMA_VERSION = 7
