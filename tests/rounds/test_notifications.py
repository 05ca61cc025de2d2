"""Opening notices and reminders reach the audience exactly once."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
def test_opening_notice_and_reminder_are_sent_once_to_the_audience_only(
    make_round, member, other_member, registered, musterhausen
):
    comment_round = make_round(opens_in_days=1, closes_in_days=10, audience_all_members=False)
    comment_round.audience_organisations.add(musterhausen)

    call_command("send_round_notices", stdout=io.StringIO())
    assert mail.outbox == []  # not open yet

    with time_machine.travel(comment_round.opens_at + timedelta(minutes=5), tick=False):
        call_command("send_round_notices", stdout=io.StringIO())
        call_command("send_round_notices", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "eröffnet" in mail.outbox[0].subject
    assert comment_round.get_url() in mail.outbox[0].body

    with time_machine.travel(comment_round.closes_at - timedelta(days=1), tick=False):
        call_command("send_round_notices", stdout=io.StringIO())
        call_command("send_round_notices", stdout=io.StringIO())
    reminders = [message for message in mail.outbox if "Erinnerung" in message.subject]
    assert [message.to for message in reminders] == [[member.email]]
    everyone = {address for message in mail.outbox for address in message.to}
    assert other_member.email not in everyone and registered.email not in everyone
