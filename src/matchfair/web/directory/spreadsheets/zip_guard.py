"""Opening an .xlsx (a zip archive) so that it cannot unpack to more than allowed.

Two checks, as Apache POI makes them: before anything is inflated, the sizes the
zip directory declares must fit the limit and no part may be compressed more than
``MAX_INFLATE_RATIO`` times (real workbooks compress 5-20 times, zip bombs about
1,000 times). The directory is written by whoever made the file and can lie, so
the bytes actually inflated are counted as well, on the upload's meter.
"""

import io
from typing import IO
from zipfile import ZipFile, ZipInfo

from matchfair.web.directory.spreadsheets.limits import Meter, UnpackedTooLargeError

MAX_INFLATE_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024
"""Parts smaller than this unpacked may compress further (a few repeated lines)."""


class CompressedTooFarError(Exception):
    """A part of the archive is compressed more than ``MAX_INFLATE_RATIO`` times."""


class _MeteredStream(io.RawIOBase):
    """One part of the archive, its inflated bytes counted as they are read."""

    def __init__(self, stream: IO[bytes], meter: Meter) -> None:
        super().__init__()
        self._stream = stream
        self._meter = meter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        data = self._stream.read(len(buffer))
        self._meter.spend(len(data))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


class MeteredZipFile(ZipFile):
    """A zip archive whose parts, however opened or read, spend from the meter."""

    def __init__(self, file: IO[bytes], meter: Meter) -> None:
        super().__init__(file)
        self._meter = meter

    def open(
        self, name: str | ZipInfo, mode: str = "r", pwd: bytes | None = None, **kwargs: bool
    ) -> IO[bytes]:
        stream = super().open(name, mode, pwd, **kwargs)
        if mode != "r":
            return stream
        return io.BufferedReader(_MeteredStream(stream, self._meter))


def open_metered(content: bytes, meter: Meter) -> MeteredZipFile:
    """The archive, once its directory promises no more than the meter allows.

    Raises ``zipfile.BadZipFile`` for what is no zip archive, ``UnpackedTooLargeError``
    and ``CompressedTooFarError`` for what would unpack too far.
    """
    archive = MeteredZipFile(io.BytesIO(content), meter)
    parts = archive.infolist()
    if sum(part.file_size for part in parts) > meter.limit:
        archive.close()
        raise UnpackedTooLargeError
    for part in parts:
        if (
            part.file_size > RATIO_CHECKED_FROM
            and part.file_size > MAX_INFLATE_RATIO * part.compress_size
        ):
            archive.close()
            raise CompressedTooFarError
    return archive
