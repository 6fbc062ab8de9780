"""Run one action in several threads at the same moment (each with its own database connection, closed after):
the races that PostgreSQL's row locks and unique constraints settle (issue 16)."""
import threading

from django.db import connections


def at_once(count, action):
    """[action() of each thread] once all `count` threads are ready; an exception is returned, not raised."""
    barrier, results = threading.Barrier(count), []

    def run():
        barrier.wait()
        try:
            results.append(action())
        except Exception as error:  # noqa: BLE001 - the caller looks at what each thread got
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
