"""Demo content for development, reviews and browser tests (``manage.py load_demo``)."""
