"""The document stores: local files under random keys (two levels deep, readable by the owner only, no key that
could name another path), the choice of store from the configuration, and the S3 store's calls checked against
the S3 API model with botocore's Stubber (no network)."""

import io
import stat

import boto3
import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from legalnet import create_app
from legalnet.documents.s3 import S3Storage
from legalnet.documents.storage import LocalStorage, create_storage

KEY = "ab" + "0" * 62


def test_local_storage_round_trip_and_key_checks(tmp_path):
    store = LocalStorage(tmp_path)
    store.save(KEY, b"%PDF-1.7 contract")
    path = tmp_path / "ab" / KEY
    assert path.read_bytes() == b"%PDF-1.7 contract" and store.load(KEY) == b"%PDF-1.7 contract"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in (tmp_path / "ab").iterdir()] == [KEY]
    store.delete(KEY)
    store.delete(KEY)
    assert not path.exists()
    for bad in ("../../etc/passwd", "AB" + "0" * 62, "", "ab/" + "0" * 61):
        with pytest.raises(ValueError):
            store.save(bad, b"x")


def test_the_store_follows_the_configuration(tmp_path):
    local = create_storage(create_app({"ENV_NAME": "testing", "DOCUMENT_ROOT": str(tmp_path)}))
    assert isinstance(local, LocalStorage) and local.root == tmp_path
    default = create_storage(create_app({"ENV_NAME": "testing"}))
    assert str(default.root).endswith("instance/documents")
    s3 = create_storage(create_app({"ENV_NAME": "testing", "DOCUMENT_STORAGE": "s3",
                                    "DOCUMENT_S3_BUCKET": "legalnet-docs", "DOCUMENT_S3_PREFIX": "/prod/",
                                    "DOCUMENT_S3_REGION": "ap-east-1"}))
    assert isinstance(s3, S3Storage) and s3.bucket == "legalnet-docs" and s3.object_key(KEY) == f"prod/{KEY}"
    with pytest.raises(RuntimeError, match="DOCUMENT_S3_BUCKET"):
        create_app({"ENV_NAME": "testing", "DOCUMENT_STORAGE": "s3"})
    with pytest.raises(RuntimeError, match="'local' or 's3'"):
        create_app({"ENV_NAME": "testing", "DOCUMENT_STORAGE": "ftp"})


def test_s3_storage_puts_gets_and_deletes_objects():
    client = boto3.client("s3", region_name="ap-east-1", aws_access_key_id="test", aws_secret_access_key="test")
    store = S3Storage(client, "legalnet-docs", "prod")
    object_key = f"prod/{KEY}"
    with Stubber(client) as stub:
        stub.add_response("put_object", {}, {"Bucket": "legalnet-docs", "Key": object_key, "Body": b"data",
                                             "ContentType": "application/octet-stream",
                                             "ServerSideEncryption": "AES256"})
        stub.add_response("get_object", {"Body": io.BytesIO(b"data")}, {"Bucket": "legalnet-docs", "Key": object_key})
        stub.add_response("delete_object", {}, {"Bucket": "legalnet-docs", "Key": object_key})
        stub.add_client_error("delete_object", service_error_code="NoSuchKey", http_status_code=404)
        stub.add_client_error("get_object", service_error_code="AccessDenied", http_status_code=403)
        store.save(KEY, b"data")
        assert store.load(KEY) == b"data"
        store.delete(KEY)
        store.delete(KEY)
        with pytest.raises(ClientError):
            store.load(KEY)
        stub.assert_no_pending_responses()
    with pytest.raises(ValueError):
        store.save("../escape", b"x")
