"""Configuration read on every request but rarely written, kept per process and per version.

A `VersionedCache` maps a key (e.g. a campaign's pk) to what its loader read from the database, together
with the version it was read at: a value the caller already has from a query it makes anyway (the
campaign's `updated_at`, a stamp computed in the same SELECT). Every write that changes the data moves
the version, so another process (a gunicorn worker) notices on its next read; the writing process also
forgets its entry at once (signals), so it never serves what it just changed. Nothing is shared between
processes and nothing expires by time: a stale value is impossible as long as every write moves the
version, which each user of this class documents and tests.
"""
import threading


class VersionedCache:
    caches = []  # every instance, so that tests can start each case empty (tests/conftest.py)

    def __init__(self, loader=None, size=512):
        self.loader, self.size = loader, size
        self._values = {}
        self._lock = threading.Lock()
        VersionedCache.caches.append(self)

    def get(self, key, version, load=None):
        """The value kept for `key` if it was read at `version`; otherwise `load(key)` (by default the
        cache's own `loader`), kept with `version`."""
        value = self.peek(key, version)
        if value is None:
            value = (load or self.loader)(key)
            self.put(key, version, value)
        return value

    def has(self, key):
        """Whether a value is kept for `key`, at whatever version."""
        return key in self._values

    def peek(self, key, version):
        """The value kept for `key` if it was read at `version`, else None (nothing is loaded)."""
        found = self._values.get(key)
        return found[1] if found is not None and found[0] == version else None

    def put(self, key, version, value):
        with self._lock:
            if len(self._values) >= self.size:
                self._values.clear()
            self._values[key] = (version, value)

    def forget(self, key=None):
        with self._lock:
            if key is None:
                self._values.clear()
            else:
                self._values.pop(key, None)

    @classmethod
    def forget_all(cls):
        for cache in cls.caches:
            cache.forget()
