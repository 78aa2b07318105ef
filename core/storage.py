"""File storage for what must never have a public URL (reviewers' evidence)."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT, read only through permission-checked views."""

    def url(self, name):
        raise ValueError("Tệp riêng tư không có đường dẫn công khai.")
