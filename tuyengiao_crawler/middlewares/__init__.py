"""Downloader middlewares, one module per concern, in the order a response meets them:

- `warc`: WARC capture of every exchange and the `fetches` index (priority 950);
- `conditional`: conditional requests, 304s and gone articles in incremental runs (900);
- `resilience`: redirect-loop guard (601), retries with backoff and Retry-After (550), and
  the `DiskGuard` extension that stops a crawl before the disk fills.
"""
