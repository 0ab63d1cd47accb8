"""Scrapy extensions, one module per concern:

- `run`: the archive connection and the crawl's `crawl_runs` row (`ArchiveRun`), and the
  spider's one interface to what the archive holds (`CrawlPlan`);
- `progress`: the progress line or periodic lines (`Progress`);
- `disk`: stops a crawl before the archive's disk fills up (`DiskGuard`).
"""

from tuyengiao_crawler.extensions.disk import DiskGuard
from tuyengiao_crawler.extensions.progress import Progress
from tuyengiao_crawler.extensions.run import ArchiveRun, CrawlPlan, run_status

__all__ = ["ArchiveRun", "CrawlPlan", "DiskGuard", "Progress", "run_status"]
