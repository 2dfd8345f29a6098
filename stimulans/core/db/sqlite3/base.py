"""SQLite with writers queued on an OS file lock.

SQLite lets one writer at a time; others wait in its busy handler, which polls with growing
sleeps, so under many concurrent saves latency balloons and throughput falls. Here every
transaction first takes an exclusive `flock` on `<database>.writelock`: waiting writers are
woken by the kernel the moment the lock is released, in order, across threads and processes
(gunicorn workers). Readers outside transactions are not affected (WAL mode).
"""

import fcntl
import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    _write_lock_fd = None

    def _lock_path(self):
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or not name:
            return None
        return name + ".writelock"

    def _acquire_write_lock(self):
        path = self._lock_path()
        if path is None or self._write_lock_fd is not None:
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self._write_lock_fd = fd

    def _release_write_lock(self):
        fd, self._write_lock_fd = self._write_lock_fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _start_transaction_under_autocommit(self):
        self._acquire_write_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_write_lock()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._release_write_lock()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._release_write_lock()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._release_write_lock()
