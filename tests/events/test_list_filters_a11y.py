"""A filter field with an error is marked invalid and points at its message, for screen readers."""

import re

from django.urls import reverse


def test_invalid_date_field_is_described_by_its_error(client, db):
    body = client.get(reverse("events:list"), {"date_from": "31.02.2030"}).content.decode()
    field = re.search(r'<input[^>]*name="date_from"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in field
    described_by = re.search(r'aria-describedby="([^"]+)"', field).group(1)
    message = re.search(rf'<div id="{described_by}">(.*?)</div>', body, re.S)
    assert message is not None
    assert "Введите правильную дату." in message.group(1)
