"""Fixtures of the API tests: tokens for users of each role and a client that sends them."""

import pytest

from legalnet.api.services import create_token
from legalnet.extensions import db as _db


class Api:
    """Calls /api/v1 with a bearer token, as a client system would."""

    def __init__(self, client):
        self.client = client

    def token_for(self, user, name="test system") -> str:
        """A fresh token of `user`, committed."""
        value = create_token(user, name).value
        _db.session.commit()
        return value

    def call(self, method, path, token=None, json=None, **kwargs):
        """One call; `token` may be a user (a token is made for it) or a token string."""
        headers = kwargs.pop("headers", {})
        if token is not None and not isinstance(token, str):
            token = self.token_for(token)
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.client.open(f"/api/v1{path}", method=method, json=json, headers=headers, **kwargs)

    def get(self, path, token=None, **kwargs):
        return self.call("GET", path, token, **kwargs)

    def post(self, path, token=None, json=None, **kwargs):
        return self.call("POST", path, token, json=json if json is not None else {}, **kwargs)


@pytest.fixture()
def api(client):
    """The API caller."""
    return Api(client)
