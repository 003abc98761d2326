"""gunicorn settings for production, behind deploy/nginx.conf: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

The slowest request is an admin upload of a hostile file: extraction stops at 20 s (the
sandbox's wall limit) and parsing the most text that can pass (5 M characters) takes about 20 s
more, so the worker timeout leaves that well inside; public pages are bounded far below it
(the diff's search stops at 0.5 s and is cached). nginx's proxy_read_timeout matches it.
"""

bind = "127.0.0.1:8000"  # only nginx talks to gunicorn
workers = 3
worker_class = "sync"  # nginx buffers whole requests and answers, so slow clients never hold a worker
timeout = 120
graceful_timeout = 30
limit_request_line = 8190
max_requests = 2000  # recycle workers now and then (bounded memory over weeks)
max_requests_jitter = 200
