"""What a stopped crawl leaves to be resumed.

Scrapy keeps a crawl's queue in its job folder (JOBDIR) but writes the queue's state only
when the crawl closes: after a SIGKILL, a power cut or an OOM kill the folder holds the
seen-requests of the whole run and no usable queue, and resuming from it fetched nothing
("finished", 0 pages). So the queue is trusted only when the run that wrote it closed
cleanly, which leaves a mark beside it; any other stopped run is resumed by walking the
start URLs again, where the articles that the stopped runs archived are not asked for.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from tuyengiao_crawler.archive.content_coding import ContentEncodingError, decode_body
from tuyengiao_crawler.archive.warc import WarcError, read_record

logger = logging.getLogger(__name__)
QUEUE_SAVED = "queue-saved.json"


def jobdir_for(db: str | Path) -> Path:
    """The job folder of an archive's crawls: `jobs/<archive name>` beside it."""
    return Path(db).resolve().parent / "jobs" / Path(db).name


def mark_queue_saved(jobdir: str | Path, run_id: int) -> None:
    """Called once Scrapy has written the queue of a run that stopped cleanly."""
    (Path(jobdir) / QUEUE_SAVED).write_text(json.dumps({"run_id": run_id}), "utf-8")


def take_saved_queue(jobdir: Path) -> None:
    """Keep a queue saved by a clean stop, removing its mark (the run about to read the
    queue changes it, and may itself be killed); empty a folder without the mark, whose
    seen-requests would filter out the whole crawl."""
    mark = jobdir / QUEUE_SAVED
    if mark.is_file():
        mark.unlink()
    elif jobdir.exists():
        shutil.rmtree(jobdir)


def archived_pages(
    folder: str | Path, pages: Iterable[tuple[str, str, int]]
) -> Iterator[tuple[str, list[tuple[str, str]], bytes]]:
    """(URL, headers, body) of archived pages, given as (URL, WARC file, offset), read as
    reprocess reads them; a record that cannot be read is logged and skipped."""
    for url, warc_file, offset in pages:
        try:
            _, headers, body = read_record(folder, warc_file, offset)
            headers, body = decode_body(headers, body)
        except (WarcError, ContentEncodingError) as exc:
            logger.warning("%s: its links are not followed (%s)", url, exc)
            continue
        yield url, headers, body
