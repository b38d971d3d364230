"""Directory pages and public profiles are served from the cache while the directory is unchanged, and every
committed write to a firm, its coverage, offices or lawyers (through the ORM, a bulk statement or the importer)
shows on the next request, in every process that shares the database."""

import json
import re

from sqlalchemy import update

from legalnet import create_app
from legalnet.accounts.models import Role
from legalnet.core.versions import version_of
from legalnet.firms import membership
from legalnet.firms.models import Firm, FirmStatus, Lawyer, Office
from legalnet.firms.views import public_profile
from legalnet.referrals.offers import bump_firm
from legalnet.staff.vocabulary import teach_alias
from tests import factories
from tests.referrals.test_query_counts import counting

# A CSRF token is signed with the second it was made in: two requests a second apart carry different ones.
_CSRF_TOKEN_RE = re.compile(r'value="[\w-]+\.[\w-]{6}\.[\w-]{20,}"')


def served(app, client, url: str) -> tuple[int, str]:
    """The SQL statements sent while serving `url`, and its page (its CSRF tokens left out)."""
    with counting(app) as counter:
        response = client.get(url)
    assert response.status_code == 200, url
    return counter["n"], _CSRF_TOKEN_RE.sub('value="…"', response.get_data(as_text=True))


def test_a_repeated_directory_page_reads_only_the_version(app, client, db):
    factories.make_firm("Harbour Cached Law")
    db.session.commit()
    first, page = served(app, client, "/firms/?q=Harbour")
    again, page_again = served(app, client, "/firms/?q=Harbour")
    assert "Harbour Cached Law" in page and first > 1
    assert again == 1 and page_again == page


def test_every_kind_of_write_shows_on_the_next_request(app, client, db):
    firm = factories.make_firm("Lotus Cached Law", jurisdictions=("SG",))
    db.session.commit()
    assert "Lotus Cached Law" in client.get("/firms/").get_data(as_text=True)
    before = version_of("directory")

    firm.name = "Lotus Renamed Law"  # through the ORM
    db.session.commit()
    assert "Lotus Renamed Law" in client.get("/firms/").get_data(as_text=True)

    firm.offices.append(Office(city="Penang", jurisdiction="MY"))  # a related table
    db.session.commit()
    assert "Penang" in client.get("/firms/").get_data(as_text=True)

    db.session.execute(update(Firm).where(Firm.id == firm.id).values(name="Lotus Bulk Law"))  # a bulk statement
    db.session.commit()
    assert "Lotus Bulk Law" in client.get("/firms/").get_data(as_text=True)
    assert version_of("directory") >= before + 3


def test_a_rolled_back_write_leaves_the_version(app, client, db):
    factories.make_firm("Pearl Kept Law")
    db.session.commit()
    before = version_of("directory")
    db.session.execute(update(Firm).values(name="Never Committed"))
    db.session.rollback()
    assert version_of("directory") == before
    assert "Pearl Kept Law" in client.get("/firms/").get_data(as_text=True)


def test_a_rolled_back_savepoint_keeps_the_write_before_it(app, client, db):
    firm = factories.make_firm("Coral Savepoint Law")
    db.session.commit()
    assert "Coral Savepoint Law" in client.get("/firms/").get_data(as_text=True)
    before = version_of("directory")
    firm.name = "Coral Renamed Law"
    db.session.flush()
    savepoint = db.session.begin_nested()
    db.session.execute(update(Firm).where(Firm.id == firm.id).values(capacity=99))
    savepoint.rollback()
    db.session.commit()
    assert version_of("directory") == before + 1  # once a transaction
    assert "Coral Renamed Law" in client.get("/firms/").get_data(as_text=True)


def test_suspension_removes_the_cached_profile_and_the_card(app, client, db):
    firm = factories.make_firm("Jade Suspended Law")
    firm.lawyers.append(Lawyer(name="Ms Jade Counsel"))
    db.session.commit()
    assert "Ms Jade Counsel" in client.get(f"/firms/{firm.id}").get_data(as_text=True)
    assert "Jade Suspended Law" in client.get("/firms/").get_data(as_text=True)
    membership.suspend(firm, None, "Unpaid fees")
    db.session.commit()
    assert client.get(f"/firms/{firm.id}").status_code == 404
    assert "Jade Suspended Law" not in client.get("/firms/").get_data(as_text=True)


def test_imported_firms_show_at_once(app, client, db, tmp_path):
    assert "Summit Imported" not in client.get("/firms/").get_data(as_text=True)
    path = tmp_path / "firms.jsonl"
    path.write_text(json.dumps({"name": "Summit Imported Law", "email": "summit@imported.example",
                                "jurisdictions": ["Singapore"], "practice_areas": ["tax"], "languages": ["English"],
                                "status": "active"}) + "\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["firms", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Summit Imported Law" in client.get("/firms/").get_data(as_text=True)


def test_a_taught_alias_changes_how_a_cached_search_reads(app, client, db):
    factories.make_firm("Crown Tax Law", jurisdictions=("TH",), practice_areas=("tax",))
    factories.make_firm("Crown Arbitration Law", jurisdictions=("TH",), practice_areas=("arbitration",))
    db.session.commit()
    before = client.get("/firms/?q=zakatwise").get_data(as_text=True)
    assert "Crown Tax Law" not in before
    teach_alias(factories.make_user(Role.STAFF), "zakatwise", "practice_areas:tax")
    db.session.commit()
    after = client.get("/firms/?q=zakatwise").get_data(as_text=True)
    assert "Crown Tax Law" in after and "Crown Arbitration Law" not in after


def test_each_language_has_its_own_cached_page(app, client, db):
    factories.make_firm("Orchid Bilingual Law", jurisdictions=("HK",))
    db.session.commit()
    english = client.get("/firms/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    chinese = client.get("/firms/", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert "Hong Kong" in english and "香港" in chinese


def test_a_write_in_another_process_shows_here(app, client, db):
    """A second application (another worker, the CLI) with its own cache writes to the same database."""
    firm = factories.make_firm("Bamboo Shared Law")
    db.session.commit()
    assert "Bamboo Shared Law" in client.get("/firms/").get_data(as_text=True)
    other = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
    with other.app_context():
        from legalnet.extensions import db as other_db

        other_db.session.execute(update(Firm).where(Firm.id == firm.id).values(status=FirmStatus.SUSPENDED))
        other_db.session.commit()
        other_db.session.remove()
        other_db.engine.dispose()
    db.session.expire_all()
    assert "Bamboo Shared Law" not in client.get("/firms/").get_data(as_text=True)


def test_repeated_and_unknown_parameters_are_served_uncached(app, client, db):
    factories.make_firm("Alpha Order Law")
    factories.make_firm("Beta Order Law")
    db.session.commit()
    first = client.get("/firms/?q=Alpha&q=Beta").get_data(as_text=True)
    second = client.get("/firms/?q=Beta&q=Alpha").get_data(as_text=True)
    assert "Alpha Order Law" in first and "Beta Order Law" not in first
    assert "Beta Order Law" in second and "Alpha Order Law" not in second
    served(app, client, "/firms/?q=Alpha&utm=1")
    again, page = served(app, client, "/firms/?q=Alpha&utm=1")
    assert again > 1 and "Alpha Order Law" in page


def test_workload_and_track_record_writes_leave_the_version(app, client, db):
    firm = factories.make_firm("Epsilon Counter Law")
    db.session.commit()
    before = version_of("directory")
    bump_firm(firm.id, open_cases=1)  # a statement touching counters only
    db.session.commit()
    firm.capacity = 9  # an object whose changed attributes are not shown
    db.session.commit()
    assert version_of("directory") == before
    firm.description = "Shipping disputes."
    db.session.commit()
    assert version_of("directory") == before + 1


def test_a_firm_the_session_already_holds_is_read_afresh(app, client, db):
    """Another process renames the firm after this request loaded it (as the sign-in query loads a member's
    firm) but before the page reads the version: the page cached under the new version shows the new name."""
    firm = factories.make_firm("Iota Stale Law")
    db.session.commit()
    firm_id = firm.id
    db.session.remove()
    with app.test_request_context(f"/firms/{firm_id}"):
        held = db.session.get(Firm, firm_id)  # the identity map keeps it only while someone holds it
        other = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
        with other.app_context():
            from legalnet.extensions import db as other_db

            other_db.session.execute(update(Firm).where(Firm.id == firm_id).values(name="Iota Renamed Law"))
            other_db.session.commit()
            other_db.session.remove()
            other_db.engine.dispose()
        public_profile(firm_id)
        assert held.name == "Iota Renamed Law"
    db.session.remove()
    assert "Iota Renamed Law" in client.get(f"/firms/{firm_id}").get_data(as_text=True)
