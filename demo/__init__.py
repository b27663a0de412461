"""The demo world: the facts of the host library's article on its cooperation agreements.

Plain data, one module per part of the world (libraries, agreements, events, projects, exhibitions,
contests); `loader.DemoLoader`, run by `manage.py load_demo`, turns it into rows. Every fact the
article does not give (exact days, most event kinds, some organisers, a few titles, entrants) is a
plausible stand-in and is marked as such in the row's staff-only `notes` (and in the comments). Wording
of titles and descriptions follows the article.

Local date-times are naive and belong to the time zone of the event's organiser (upcoming demo
events: Kemerovo time); the loader makes them aware.

`generator` is the other kind of data: a large synthetic spread for the benchmark (`generate_data`).
"""
