"""Where private files live (evidence, authority documents, opinion letters): the "private" storage of
settings.STORAGES. A directory of this server (PRIVATE_MEDIA_ROOT) by default; with PRIVATE_STORAGE=s3, a bucket
that every server shares (config/settings/base.py). The code reads and writes them through Django's storage API
only, never by path, so that one setting moves them. Neither serves them at a URL: they leave only through the
permission-checked views of core.downloads, which stream them."""

import os
import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """A directory with no URL, at PRIVATE_MEDIA_ROOT unless given a location (and following that setting when a
    test changes it, as Django's own storage follows MEDIA_ROOT)."""

    def __init__(self, location=None, **options):
        super().__init__(location=location, base_url=None, **options)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


class PrivateStorage(LazyObject):
    """storages["private"], looked up at first use, and again after a change of STORAGES (the tests of
    tests/multi_server switch it to the bucket)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def private():
    """The storage of the private FileFields (a callable: migrations name it, not a directory of one machine)."""
    return private_storage


@receiver(setting_changed)
def _forget_private_storage(setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty


def where():
    """Where the private files are, as an operator reads it: a directory, or s3://bucket/prefix."""
    bucket = getattr(private_storage, "bucket_name", None)
    if bucket:
        return f"s3://{bucket}/{private_storage.location}".rstrip("/")
    return private_storage.location


def walk(folder=""):
    """The name of every private file under `folder`, wherever the storage keeps them."""
    try:
        folders, files = private_storage.listdir(folder)
    except FileNotFoundError:  # nothing stored yet
        return
    for name in files:
        yield posixpath.join(folder, name)
    for name in folders:
        yield from walk(posixpath.join(folder, name))


def modified_time(name):
    """When the private file `name` was last written, or None if it is gone (another server may delete it between
    a listing and this call; a bucket then answers its own error, not FileNotFoundError)."""
    try:
        return private_storage.get_modified_time(name)
    except Exception:
        if private_storage.exists(name):
            raise
        return None
