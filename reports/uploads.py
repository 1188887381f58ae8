"""Uploads stop being read once a file passes the size limit: an oversized upload is never
spooled to memory or disk, and the page says why it was refused."""
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from .workbook.reader import MAX_UPLOAD_BYTES


class SizeLimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: passes chunks on until a file exceeds the limit, then skips it
    and marks the request (request.upload_too_large) so the view can tell the user."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_UPLOAD_BYTES:
            if self.request is not None:
                self.request.upload_too_large = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None
