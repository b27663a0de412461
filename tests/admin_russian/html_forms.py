"""What a browser would submit: the fields of a form on an admin page, read from its HTML."""

from html.parser import HTMLParser


class FormReader(HTMLParser):
    """Reads the named fields of the form with the given id: inputs (checked boxes only), selects (their
    selected options, or the first one), textareas."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: dict | None = None
        self.option: dict | None = None
        self.textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input":
            self.read_input(attrs)
        elif tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
            self.select["options"].append(self.option)
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = {"name": attrs["name"], "text": ""}

    def read_input(self, attrs):
        kind = attrs.get("type", "text")
        name = attrs.get("name")
        if not name or kind in {"submit", "button", "image", "reset", "file"}:
            return
        if kind in {"checkbox", "radio"} and "checked" not in attrs:
            return
        self.fields.append((name, attrs.get("value", "on" if kind in {"checkbox", "radio"} else "")))

    def handle_data(self, data):
        if self.option is not None:
            self.option["text"] += data
        if self.textarea is not None:
            self.textarea["text"] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "option":
            self.option = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea["name"], self.textarea["text"].removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [option for option in options if option["selected"]]
            if not chosen and options and not self.select["multiple"]:
                chosen = options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                self.fields.append((self.select["name"], value))
            self.select = None


def form_data(response, form_id: str) -> dict[str, list[str]]:
    """The form's fields as the test client posts them: each name with its list of values."""
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return data
