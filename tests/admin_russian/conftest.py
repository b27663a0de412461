# The browser fixtures (Chromium through Playwright) for the library form's script test.
from tests.browser.conftest import browser, new_context, playwright_instance, shot  # noqa: F401
