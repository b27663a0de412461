def main_html(response) -> str:
    """The page's <main> element: what the view renders, without the shared layout around it."""
    html = response.content.decode()
    start = html.index("<main")
    return html[start : html.index("</main>", start)]
