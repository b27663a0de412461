"""The agreement's admin change form as a browser posts it, built from a stored agreement."""

import datetime
import html
import re

from django.urls import reverse


def ru(day: datetime.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def change_url(agreement) -> str:
    return reverse("admin:agreements_agreement_change", args=[agreement.pk])


def agreement_post(agreement, amendments=(), initial_amendments=0, **overrides) -> dict:
    """The change form's fields as stored, with `overrides`, and the supplementary agreements' inline:
    `amendments` is a list of dicts of inline fields (without the prefix)."""
    data = {
        "host": agreement.host_id,
        "partner": agreement.partner_id,
        "number": agreement.number,
        "title": agreement.title,
        "directions": [direction.pk for direction in agreement.directions.all()],
        "signed_on": ru(agreement.signed_on),
        "valid_from": ru(agreement.valid_from),
        "valid_until": ru(agreement.valid_until),
        "prolongation_years": str(agreement.prolongation_years),
        "notice_days": "" if agreement.notice_days is None else str(agreement.notice_days),
        "status": agreement.status,
        "terminated_on": ru(agreement.terminated_on),
        "termination_notice_on": ru(agreement.termination_notice_on),
        "termination_initiator": agreement.termination_initiator,
        "termination_reason": agreement.termination_reason,
        "host_responsible": agreement.host_responsible_id or "",
        "partner_responsible": agreement.partner_responsible_id or "",
        "amendments-TOTAL_FORMS": str(len(amendments)),
        "amendments-INITIAL_FORMS": str(initial_amendments),
        "amendments-MIN_NUM_FORMS": "0",
        "amendments-MAX_NUM_FORMS": "1000",
    }
    if agreement.auto_prolongation:
        data["auto_prolongation"] = "on"
    if agreement.is_public:
        data["is_public"] = "on"
    for index, amendment in enumerate(amendments):
        for name, value in amendment.items():
            data[f"amendments-{index}-{name}"] = value
    data.update(overrides)
    for name in [name for name, value in data.items() if value is None]:
        del data[name]
    return data


def post_change(client, agreement, **kwargs):
    """Open the change page first (as a browser does, so any stamp the form carries is current), then post."""
    page = client.get(change_url(agreement))
    assert page.status_code == 200
    data = agreement_post(agreement, **kwargs)
    for name, value in hidden_stamps(page).items():
        data.setdefault(name, value)
    return client.post(change_url(agreement), data)


def hidden_stamps(page) -> dict:
    """Hidden inputs of the main form that are not inline management data (a concurrency stamp, if any)."""
    found = {}
    for tag in re.findall(r'<input[^>]*type="hidden"[^>]*>', page.content.decode()):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and not name.group(1).startswith(("amendments-", "csrfmiddlewaretoken", "initial-")):
            found[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return found
