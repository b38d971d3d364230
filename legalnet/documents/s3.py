"""Documents in S3-compatible object storage (AWS S3, MinIO, Ceph...) through boto3, installed with the `s3`
extra. Credentials come from boto3's usual chain (environment, shared files, instance roles); the bucket, an
optional key prefix, region and endpoint from the configuration (see README)."""

import boto3
from botocore.exceptions import ClientError

from legalnet.documents.storage import checked_key


class S3Storage:
    """Objects in one bucket, under an optional prefix, encrypted at rest by the server."""

    def __init__(self, client, bucket: str, prefix: str = ""):
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    @classmethod
    def from_config(cls, config) -> "S3Storage":
        """A store for DOCUMENT_S3_BUCKET (required), DOCUMENT_S3_PREFIX, DOCUMENT_S3_REGION and
        DOCUMENT_S3_ENDPOINT_URL (for a store other than AWS)."""
        bucket = config.get("DOCUMENT_S3_BUCKET")
        if not bucket:
            raise RuntimeError("DOCUMENT_STORAGE=s3 needs DOCUMENT_S3_BUCKET")
        client = boto3.client("s3", region_name=config.get("DOCUMENT_S3_REGION") or None,
                              endpoint_url=config.get("DOCUMENT_S3_ENDPOINT_URL") or None)
        return cls(client, bucket, config.get("DOCUMENT_S3_PREFIX", ""))

    def object_key(self, key: str) -> str:
        """The object's key in the bucket."""
        return self.prefix + checked_key(key)

    def save(self, key: str, data: bytes) -> None:
        """Upload the object, encrypted at rest."""
        self.client.put_object(Bucket=self.bucket, Key=self.object_key(key), Body=data,
                               ContentType="application/octet-stream", ServerSideEncryption="AES256")

    def load(self, key: str) -> bytes:
        """The object's bytes."""
        return self.client.get_object(Bucket=self.bucket, Key=self.object_key(key))["Body"].read()

    def delete(self, key: str) -> None:
        """Remove the object; a missing one is not an error."""
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self.object_key(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in ("NoSuchKey", "404"):
                raise
