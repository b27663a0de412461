"""Read the report page's tables back into plain Python for comparisons."""

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[tuple[str | None, list[str]]]] = {}
        self.dls: dict[str, dict[str, str]] = {}
        self._table = None
        self._dl = None
        self._in_head = False
        self._row = None
        self._row_key = None
        self._cell = None
        self._dd_key = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._table = attrs["id"]
            self.tables[self._table] = []
        elif tag == "dl" and attrs.get("id"):
            self._dl = attrs["id"]
            self.dls[self._dl] = {}
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._table and not self._in_head:
            self._row, self._row_key = [], attrs.get("data-key") or attrs.get("data-agreement")
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "dd" and self._dl:
            self._dd_key, self._cell = attrs.get("data-key"), []

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag == "dl":
            self._dl = None
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append((self._row_key, self._row))
            self._row = None
        elif tag == "dd" and self._dl and self._cell is not None:
            self.dls[self._dl][self._dd_key] = " ".join("".join(self._cell).split())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def rows(html: str, table_id: str) -> list[list[str]]:
    return [cells for _, cells in parse(html).tables[table_id]]


def keyed_rows(html: str, table_id: str) -> dict[str, list[str]]:
    return {key: cells for key, cells in parse(html).tables[table_id] if key}


def figures(html: str, dl_id: str) -> dict[str, str]:
    return parse(html).dls[dl_id]
