"""The token reads that the token page and the token endpoints share (``api.queries``)."""

import pytest

from matchfair.web.api.queries import tokens_of
from matchfair.web.api.tokens import issue_token, revoke_token
from tests.web.factories import person

pytestmark = pytest.mark.django_db


def test_a_user_reads_their_own_tokens_revoked_ones_included_and_no_one_elses():
    owner, other = person("owner", staff=True), person("other", staff=True)
    kept = issue_token(owner, "city CRM").token
    revoked = issue_token(owner, "old CRM").token
    revoke_token(revoked)
    issue_token(other, "fair registration")
    assert {token.pk for token in tokens_of(owner)} == {kept.pk, revoked.pk}
    assert [token.name for token in tokens_of(other)] == ["fair registration"]
