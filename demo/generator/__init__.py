"""A realistic, reproducible spread of cooperation data for benchmarks (`manage.py generate_data`).

Speed matters more than anything else here (100,000 events must load in well under two minutes on
PostgreSQL), so rows are built in Python and written with bulk_create in chunks: no save(), no
full_clean(), no signals. The database constraints are respected by construction instead, and
tests/bench/test_generate_data.py full_cleans a sample to prove it.

Every generated row is recognisable: libraries, events, exhibitions, contests, projects and guests
have slugs starting with "gen-", agreements have numbers starting with "gen-", and everything else
hangs off one of those. --clear deletes exactly that and nothing a person entered.

`core.Generator` holds the state of one run and draws from one seeded random stream in a fixed
order; `libraries`, `events` and `activities` build the rows, `pools` holds what they are drawn
from, `writing` writes them (COPY on PostgreSQL) and clears them.
"""
