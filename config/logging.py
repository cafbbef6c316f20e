"""Log records carry the id of the request they belong to (config.middleware)."""

import logging

from config.middleware import request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True
