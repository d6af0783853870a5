"""The sandbox's shortcuts (render/sandbox.py, render/jinja.py) answer exactly as the general
paths they skip: a plain dict's attribute as Jinja's own sandbox reads it, a printed text
counted as `measure` counts it, the style sheet of the style in force. And the one watchdog
thread that keeps every template's time fires each deadline at its own time, however many
documents came before and whichever threads render them."""

from __future__ import annotations

import os
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.exceptions import SecurityError
from jinja2.runtime import Undefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from pmg_docs.render import sandbox
from pmg_docs.render.jinja import _style_sheet, environment
from pmg_docs.render.sandbox import TemplateLimits
from pmg_docs.render.template_sizes import measure
from pmg_docs.style import load_style
from pmg_docs.style.css import style_sheet_url

# Generated inputs per property: `FUZZ_EXAMPLES=5000` searches longer (as in tests/fuzz).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))

# Names a template may write after a dot: a dict's methods, dunders, private names, keys.
NAMES = st.one_of(st.sampled_from(sorted(dir({})) + ["mro", "_x", "__class__", "name", "items",
                                                     "total", "format"]),
                  st.text(min_size=1, max_size=6))


def _same(fast, general) -> None:
    """Both paths give the same value, or the same kind of undefined for the same name."""
    if isinstance(general, Undefined):
        assert type(fast) is type(general)
        assert (fast._undefined_name, fast._undefined_obj, fast._undefined_exception) == \
               (general._undefined_name, general._undefined_obj, general._undefined_exception)
    else:
        assert fast == general


@settings(max_examples=EXAMPLES, deadline=None)
@given(keys=st.lists(NAMES, max_size=6), name=NAMES)
def test_a_dicts_attribute_is_read_as_jinjas_sandbox_reads_it(keys, name):
    env = environment()
    mapping = {key: f"valor de {key}" for key in keys}
    _same(env.getattr(mapping, name), SandboxedEnvironment.getattr(env, mapping, name))


@pytest.mark.parametrize("value", [
    {"items": "clave"}, {"get": 1}, {"__class__": 2}, {"_privado": 3},
    type("Vista", (dict,), {})(items="clave", name="x"),  # a subclass goes Jinja's way
])
@pytest.mark.parametrize("name", ["items", "get", "__class__", "_privado", "name", "otra"])
def test_the_names_a_dict_shares_with_its_methods_are_read_as_jinja_reads_them(value, name):
    env = environment()
    _same(env.getattr(value, name), SandboxedEnvironment.getattr(env, value, name))


def test_an_unsafe_attribute_of_a_dict_stays_unsafe():
    env = environment()
    with pytest.raises(SecurityError):
        str(env.getattr({"__class__": "x"}, "__class__"))


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(st.text(max_size=40), st.text(max_size=40).map(Markup),
                       st.lists(st.text(max_size=5), max_size=5), st.integers(), st.none()))
def test_a_printed_value_is_counted_as_measure_counts_it(value):
    for limit in (0, 3, 10, 10_000):
        env = environment(None, TemplateLimits(characters=limit))
        over = measure(value, limit) > limit
        if over:
            with pytest.raises(sandbox._LimitReached):
                env.printable(value)
        else:
            assert env.printable(value) is value


def test_a_text_buffer_counts_texts_and_other_values_alike():
    buffer = sandbox._TextBuffer(10)
    buffer.extend(["abc", Markup("<b>")])
    buffer.append(12)  # an int counts as measure counts it: 5 characters at most for 12
    assert buffer.size == 3 + 3 + measure(12, 10)
    with pytest.raises(sandbox._LimitReached):
        buffer.append(["x" * 4])


def test_the_style_sheet_is_the_style_in_force():
    style = load_style(None)
    assert _style_sheet(style) == style_sheet_url(style)
    # Another style (a user's folder's) gets its own sheet, and then the first its own again.
    other = style.model_copy(update={"texto": style.texto.model_copy(
        update={"tamano": style.texto.tamano + 1})})
    assert style_sheet_url(other) != style_sheet_url(style)
    assert _style_sheet(other) == style_sheet_url(other)
    assert _style_sheet(style) == style_sheet_url(style)


# --- time -----------------------------------------------------------------------------------

def _loop_until_stopped(seconds: float) -> float:
    """How long a loop ran under a deadline of `seconds` before it was stopped."""
    started = time.monotonic()
    with pytest.raises(sandbox._TimeUp):
        with sandbox._Deadline(seconds):
            while time.monotonic() - started < 30:
                time.sleep(0.002)  # the exception arrives between two naps; no core is kept busy
    return time.monotonic() - started


def test_a_deadline_after_many_documents_still_fires():
    for _ in range(2000):
        with sandbox._Deadline(20):
            pass
    assert _loop_until_stopped(0.2) < 5


def test_a_short_deadline_fires_while_a_long_one_is_watched_in_another_thread():
    # The watchdog sleeps towards the long deadline; the short one must wake it.
    inside, leave = threading.Event(), threading.Event()

    def long_render() -> None:
        with sandbox._Deadline(60):
            inside.set()
            leave.wait(30)

    other = threading.Thread(target=long_render)
    other.start()
    try:
        assert inside.wait(10)
        assert _loop_until_stopped(0.2) < 5
    finally:
        leave.set()
        other.join()


def test_a_deadline_left_in_time_never_fires_later():
    with sandbox._Deadline(0.2):
        pass
    time.sleep(0.5)  # a _TimeUp delivered now would fail the test here
    total = sum(range(10_000))
    assert total == 49_995_000


def test_deadlines_of_several_threads_each_fire_at_their_own_time():
    stopped: dict[int, float] = {}

    def render(number: int, seconds: float) -> None:
        stopped[number] = _loop_until_stopped(seconds)

    threads = [threading.Thread(target=render, args=(n, 0.2 * (n + 1))) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(stopped) == [0, 1, 2]
    for number, elapsed in stopped.items():
        assert 0.2 * (number + 1) <= elapsed < 0.2 * (number + 1) + 5


# --- depth ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "named"), [
    ('{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}', "(macro «m»)"),
    ('{% include "prueba.html.j2" %}', "(plantilla «prueba.html.j2»)"),
    ('{{ "a".upper() }}', "(upper)"),
])
def test_the_depth_limit_names_what_passed_it(tmp_path, body, named):
    # The name is asked for only once the limit is passed: it must still be the right one.
    (tmp_path / "prueba.html.j2").write_text(body, encoding="utf-8")
    env = environment(tmp_path, TemplateLimits(depth=1))
    with pytest.raises(sandbox.TemplateFailure) as failure:
        sandbox.render_limited(env, "prueba.html.j2", {})
    assert failure.value.message.startswith(f"las plantillas y macros se anidan más de 1 "
                                            f"niveles {named}; ")
