"""Downloader middlewares. (WARC capture is being written; this placeholder passes responses on.)"""


class WarcCaptureMiddleware:
    def process_response(self, request, response):
        return response
