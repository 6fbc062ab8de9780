"""The web workers' garbage-collector settings (portal/wsgi.py): start-up objects frozen, young
collections rarer."""
import gc

from portal.serving import FIRST_GENERATION_THRESHOLD, tune_garbage_collector


def test_start_up_objects_leave_the_collectors_walks():
    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_freeze_count() > 10_000
        assert gc.get_threshold() == (FIRST_GENERATION_THRESHOLD, *before[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_the_wsgi_module_tunes_its_process(monkeypatch):
    import importlib

    import portal.serving
    import portal.wsgi

    called = []
    monkeypatch.setattr(portal.serving, "tune_garbage_collector", lambda: called.append(True))
    importlib.reload(portal.wsgi)
    assert called == [True] and callable(portal.wsgi.application)
