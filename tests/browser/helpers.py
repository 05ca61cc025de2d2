"""Steps several browser journeys share."""

import re

from demo.accounts import DEMO_ACCOUNTS


def demo_account(role: str):
    return next(account for account in DEMO_ACCOUNTS if account.role == role)


def log_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label(re.compile(r"^Passwort \*")).fill(password)
    page.get_by_role("button", name="Anmelden").click()
