"""Downloader middlewares, one module per concern, in the order a response meets them:

- `warc`: WARC capture of every exchange and the `fetches` index (priority 950);
- `conditional`: conditional requests, 304s and gone articles in incremental runs (900);
- `redirect`: redirect loops and redirects out of scope (601), and one scope check for
  every request a redirect or refresh made (50);
- `compression`: asks for gzip and deflate only; a compressed body cut short is retried (590);
- `refresh`: `<meta http-equiv=refresh>` followed only to a web page in scope (580);
- `retry`: retries with backoff and Retry-After (550).

The crawl's run, progress and disk guard are extensions (`tuyengiao_crawler.extensions`).
"""
