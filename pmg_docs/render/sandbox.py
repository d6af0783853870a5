"""Templates run with limits: read only from their folders, bounded in time, size and depth.

A template given with `--templates` is code written by someone else. Jinja's sandbox keeps it
away from Python's internals; this module bounds what is left:

* it reads templates only from inside its folders, after resolving links (`ConfinedLoader`), so
  a link in the folder that points at `/etc/passwd` is refused, not printed;
* it runs for at most `TemplateLimits.seconds` of wall time per document, then is stopped;
* the HTML it produces, and every text or list it builds on the way (`'x' * 10**9`, a string
  doubled in a loop, `center(10**9)`, `l.extend(l)`, a `join` or `replace` of long texts, the
  output a macro collects), stay under `TemplateLimits.characters`, measured before they are
  built (render/template_sizes.py), so that memory stays bounded too;
* templates and macros nest at most `TemplateLimits.depth` deep (a template that includes or
  extends itself, a macro that calls itself without end).

Every limit reached, and every error raised while a template runs, becomes a `TemplateFailure`
that names the template file and line, never an internal error.
"""

from __future__ import annotations

import ctypes
import os
import re
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from jinja2 import FileSystemLoader, TemplateNotFound, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Environment, Template
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

from ..i18n import _
from ..resources import TEMPLATE_SUFFIX
from . import template_sizes
from .template_sizes import measure


@dataclass(frozen=True)
class TemplateLimits:
    """What one document's template may use. Our own templates use a small part of each (see
    bench/scaling.py): for the largest document we make, Circular N° 39 a hundred times over
    (451 pages), the template runs in 0.4 s (1.3 s on a busy machine), writes 1.6 million
    characters of HTML and nests 4 deep. The HTML limit also bounds the PDF writer's work, which
    grows with the HTML."""

    seconds: float = 20.0
    characters: int = 4_000_000
    depth: int = 40

    # The command line's option for each limit, named in the messages.
    OPTIONS = {"seconds": "--template-seconds", "characters": "--template-characters",
               "depth": "--template-depth"}


class TemplateFailure(Exception):
    """A template failed or reached a limit: where, and why (in the user's words)."""

    def __init__(self, message: str, file: str, line: int | None = None):
        super().__init__(message)
        self.message, self.file, self.line = message, file, line


class _LimitReached(Exception):
    """Raised inside template code when a limit is reached; its message is the user's."""


class _TimeUp(Exception):
    """Delivered into the rendering thread when its time is up (see `_Deadline`). An Exception,
    so that Jinja locates it in the template; should code on the way swallow it, the deadline
    still knows that it fired."""


# --- where templates are read from ------------------------------------------------------------

class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that serves only files really inside its folders: a template reached
    through a link (to a file or a folder) that ends outside is refused, with a message that
    says so."""

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if not candidate.is_file():
                continue
            root = Path(folder).resolve()
            if not candidate.resolve().is_relative_to(root):
                raise TemplateNotFound(template, _(
                    "la plantilla «{name}» es un enlace a un archivo fuera de la carpeta de "
                    "plantillas {folder}; solo se leen plantillas que están dentro de ella").format(
                    name=template, folder=folder))
            return super().get_source(environment, template)
        raise TemplateNotFound(template)


# --- the sandbox ------------------------------------------------------------------------------

class _SizedConcat(CodeGenerator):
    """Text a template builds outside the sandbox's hooks is counted as it grows: `a ~ b` is
    measured before it is joined, and the buffers that collect a macro's or a `{% set %}` block's
    output count what is added to them."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # The joining function Jinja's own code generator would choose, passed to the sandbox.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.joined_text({join}, (")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.text_buffer()")


class _TextBuffer(list[Any]):
    """A template's output buffer that refuses to grow past `limit` characters."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit, self.size = limit, 0

    def _count(self, chunks: tuple[Any, ...]) -> None:
        # A chunk is nearly always a text, whose printed size is its length (see `printable`).
        self.size += sum(len(chunk) if isinstance(chunk, str) else measure(chunk, self.limit)
                         for chunk in chunks)
        if self.size > self.limit:
            raise _LimitReached(_limit_message("characters", self.limit))

    def append(self, chunk: Any) -> None:
        self._count((chunk,))
        super().append(chunk)

    def extend(self, chunks: Iterable[Any]) -> None:
        chunks = tuple(chunks)
        self._count(chunks)
        super().extend(chunks)


_Value = TypeVar("_Value")


class _State(threading.local):
    depth = 0


class LimitedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with the limits of `TemplateLimits` on size and depth (time is kept by
    `render_limited`)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _SizedConcat

    def __init__(self, limits: TemplateLimits, **options: Any):
        super().__init__(**options)
        self.limits = limits
        self.state = _State()
        self.template_class = _counted_template_class(self)
        # Every value a template prints is measured before it is made text.
        self.finalize = self.printable

    def sized(self, value: _Value) -> _Value:
        """`value` when its size is within the limit; otherwise the limit is reached."""
        if isinstance(value, (str, bytes, list, tuple, dict)) and \
                len(value) > self.limits.characters:
            raise _LimitReached(_limit_message("characters", self.limits.characters))
        return value

    def within(self, size: int) -> None:
        """Raises when an operation would build `size` characters or items, over the limit."""
        if size > self.limits.characters:
            raise _LimitReached(_limit_message("characters", self.limits.characters))

    def printable(self, value: _Value) -> _Value:
        # Nearly every value a template prints is a text, whose printed size is its length
        # (what `measure` says of it): counted here without the walk `measure` makes.
        if isinstance(value, str):
            self.within(len(value))
        else:
            self.within(measure(value, self.limits.characters))
        return value

    def joined_text(self, join: Callable[[Iterable[Any]], str], parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ …`, measured before it is joined."""
        self.within(template_sizes.joined(list(parts), "", self.limits.characters))
        return join(parts)

    def text_buffer(self) -> list[Any]:
        return _TextBuffer(self.limits.characters)

    def enter(self, what: Callable[[], str]) -> None:
        """One more level of nesting; `what` names it, asked only when it passes the limit (a
        message looked up for every macro call and template cost more than the call)."""
        self.state.depth += 1
        if self.state.depth > self.limits.depth:
            raise _LimitReached(_(
                "las plantillas y macros se anidan más de {depth} niveles ({what}); ¿una "
                "plantilla que se incluye o extiende a sí misma, o una macro que se llama sin "
                "fin? (límite: {option})").format(depth=self.limits.depth, what=what(),
                                                  option=TemplateLimits.OPTIONS["depth"]))

    def leave(self) -> None:
        self.state.depth = max(0, self.state.depth - 1)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`view.name` of a plain dict, the views' own shape (nine in ten of the attributes a
        template reads), without the failed attribute lookup Jinja tries first: a name no
        dict attribute has is looked up as a key, as Jinja's sandbox does after that lookup
        fails. Everything else, a name such as `items` included, goes Jinja's way."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    # A template's values are whatever its code computes: `Any`, as in Jinja's own signatures.
    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self._check_operands(operator, left, right)
        return self.sized(super().call_binop(context, operator, left, right))

    def _check_operands(self, operator: str, left: Any, right: Any) -> None:
        limit = self.limits.characters
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) \
                        and len(sequence) * times > limit:
                    raise _LimitReached(_limit_message("characters", limit))
            if _integers(left, right) and left.bit_length() + right.bit_length() > MAX_BITS:
                raise _LimitReached(_too_large(operator))
        elif operator == "**" and _integers(left, right) and abs(left) > 1 \
                and right * abs(left).bit_length() > MAX_BITS:
            raise _LimitReached(_too_large(operator))
        elif operator == "+" and isinstance(left, (str, list, tuple)) \
                and isinstance(right, (str, list, tuple)):
            self.within(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_widths(left, limit)
            arguments = right.values() if isinstance(right, Mapping) else \
                right if isinstance(right, tuple) else (right,)
            self.within(template_sizes.formatted(left, arguments, limit, braces=False))

    def call(__self, __context: Context, __obj: Any,  # noqa: N805 - Jinja's signature
             *args: Any, **kwargs: Any) -> Any:
        bound = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(bound, str):
            __self._check_text_method(bound, name, args, kwargs)
        elif isinstance(bound, (list, dict, set, bytearray)) and name in GROWING_METHODS:
            args = __self._check_growth(bound, name, args)
        macro = getattr(__obj, "_func", None) is not None and getattr(__obj, "name", None)
        __self.enter(lambda: _("macro «{name}»").format(name=macro) if macro else name or "()")
        try:
            return __self.sized(super().call(__context, __obj, *args, **kwargs))
        finally:
            __self.leave()

    def _check_text_method(self, text: str, name: str, args: tuple[Any, ...],
                           kwargs: dict[str, Any]) -> None:
        """A method of a text that would build beyond the limit, refused before it runs."""
        limit = self.limits.characters
        if name in SIZE_ARGUMENTS:
            _check_arguments(args, kwargs, limit)
        if name in ("format", "format_map"):
            _check_widths(text, limit, braces=True)
            arguments = [*args, *kwargs.values()]
            if name == "format_map" and args and isinstance(args[0], Mapping):
                arguments = list(args[0].values())
            self.within(template_sizes.formatted(text, arguments, limit, braces=True))
        elif name == "join" and args and isinstance(args[0], (list, tuple)):
            self.within(template_sizes.joined(list(args[0]), text, limit))
        elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
            count = args[2] if len(args) > 2 and isinstance(args[2], int) else None
            self.within(template_sizes.replaced(text, args[0], args[1], count))
        elif name == "expandtabs":
            size = args[0] if args else kwargs.get("tabsize", 8)
            if isinstance(size, int):
                self.within(template_sizes.tabs_expanded(text, size))

    def _check_growth(self, container: Any, name: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
        """`l.extend(l)`, `l.append(x)`, `d.update(e)`: a list, set or mapping that would hold
        more items than the limit, refused before it grows. An iterable without a length (a
        generator) is read into a list first, within the limit."""
        if name in ("extend", "update") and args:
            added = args[0]
            if not hasattr(added, "__len__"):
                # Read one item at a time, and stopped once they would print past the limit.
                added = template_sizes.printed_items(added, self.limits.characters)
                self.within(template_sizes.joined(added, "", self.limits.characters))
            self.within(len(container) + len(added))
            return (added, *args[1:])
        self.within(len(container) + 1)
        return args

    def limited_filters(self) -> None:
        """Every filter's result goes through the size check (filters are called directly by
        the compiled template, not through `call`)."""
        for name, function in list(self.filters.items()):
            self.filters[name] = _sized_filter(self, name, function)


# The names `getattr({}, name)` finds: those of a plain dict's methods and of `object`'s. A
# `dict` instance holds no attributes of its own, so any other name fails the lookup.
_DICT_ATTRIBUTES = frozenset(dir({}))


# Whole numbers a template computes stay under this many bits (about 79 000 digits).
MAX_BITS = 4 * 64 * 1024


def _integers(*values: object) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _too_large(operator: str) -> str:
    return _("«{operator}» da un número de más de {bits} bits").format(operator=operator,
                                                                      bits=MAX_BITS)


def _limit_message(limit: str, value: float) -> str:
    return _("la plantilla produce más de {value} caracteres (límite: {option})").format(
        value=f"{value:_}".replace("_", "."), option=TemplateLimits.OPTIONS[limit])


# Methods of text and filters whose numeric arguments say how much they build: `'x'.ljust(10**9)`,
# `'x' | center(10**9)`, `[1] | slice(10**9)`.
SIZE_ARGUMENTS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "indent",
                            "wordwrap", "slice", "batch"})


# Methods of lists, sets and mappings that add to them in place.
GROWING_METHODS = frozenset({"append", "extend", "insert", "add", "update", "setdefault"})


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any], limit: int) -> None:
    """A numeric argument of one of SIZE_ARGUMENTS that would build beyond the limit."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limit:
            raise _LimitReached(_limit_message("characters", limit))


# The widths and precisions of a format: `%-12.3f` (printf style, for `%` and the `format`
# filter) and `{:>12}` (str.format).
_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d*)(?:\.(\d+))?")
_FORMAT_SPEC = re.compile(r"\{[^{}]*?:([^{}]*)\}")


def _check_widths(pattern: str, limit: int, braces: bool = False) -> None:
    """A width or precision in a format that would build beyond the limit
    (`'%1000000000s'`, `'{:>1000000000}'`); other numbers of the text do not count."""
    if braces:
        numbers = [n for spec in _FORMAT_SPEC.findall(pattern) for n in re.findall(r"\d+", spec)]
    else:
        numbers = [n for found in _PRINTF_SPEC.findall(pattern) for n in found if n]
    if any(int(n) > limit for n in numbers):
        raise _LimitReached(_limit_message("characters", limit))


def _sized_filter(environment: LimitedSandbox, name: str,
                  function: Callable[..., Any]) -> Callable[..., Any]:
    from functools import wraps

    limit = environment.limits.characters
    # Filters that Jinja passes its context, eval context or environment first.
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @wraps(function)
    def sized(*args: Any, **kwargs: Any) -> Any:
        if name in SIZE_ARGUMENTS:
            _check_arguments(args, kwargs, limit)
        elif name == "format" and args and isinstance(args[0], str):
            _check_widths(args[0], limit)
        if len(args) > skip:
            args = _check_filter(environment, name, args, skip, kwargs)
            if name == "sum":
                chained = _chained_sum(args[skip:], kwargs)
                if chained is not None:
                    return environment.sized(chained)
        return environment.sized(function(*args, **kwargs))
    return sized


def _chained_sum(args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> list[Any] | tuple[Any, ...] | None:
    """`items | sum(start=[])`, lists or tuples joined in one pass: Python's `sum` copies the
    growing result at every item (a million short lists: hours, out of reach of the time limit
    since it runs inside one C call). None when `sum` itself is to be called (numbers, an
    attribute, items of another type than `start`)."""
    items = args[0]
    attribute = args[1] if len(args) > 1 else kwargs.get("attribute")
    start = args[2] if len(args) > 2 else kwargs.get("start", 0)
    if attribute is not None or not isinstance(start, (list, tuple)) \
            or not all(type(item) is type(start) for item in items):
        return None
    return type(start)(chain(start, *items))


# Filters that print what they are given (their result's size is the value's printed size).
PRINTING_FILTERS = frozenset({"string", "tojson", "pprint", "e", "escape", "forceescape",
                              "safe", "urlencode", "xmlattr", "list", "wordwrap", "title",
                              "upper", "lower", "capitalize", "trim", "striptags", "urlize"})


def _check_filter(environment: LimitedSandbox, name: str, args: tuple[Any, ...], skip: int,
                  kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """A filter that would build beyond the limit, refused before it runs: the arguments it is
    given, an iterable without a length read up to the limit and passed on as a list."""
    limit = environment.limits.characters
    value, rest = args[skip], args[skip + 1:]

    def argument(index: int, keyword: str, default: Any) -> Any:
        return rest[index] if len(rest) > index else kwargs.get(keyword, default)

    if name in PRINTING_FILTERS:
        environment.within(measure(value, limit))
    elif name == "join":
        items = template_sizes.printed_items(value, limit)
        separator = argument(0, "d", "")
        environment.within(template_sizes.joined(items, str(separator), limit))
        return (*args[:skip], items, *rest)
    elif name == "replace" and isinstance(value, str) and len(rest) >= 2:
        count = argument(2, "count", None)
        environment.within(template_sizes.replaced(
            value, str(rest[0]), str(rest[1]), count if isinstance(count, int) else None))
    elif name == "format" and isinstance(value, str):
        environment.within(template_sizes.formatted(value, [*rest, *kwargs.values()], limit,
                                                    braces=False))
    elif name == "indent" and isinstance(value, str):
        width = argument(0, "width", 4)
        if isinstance(width, (int, str)):
            environment.within(template_sizes.indented(value, width))
    elif name == "sum" and isinstance(argument(1, "start", 0), (str, list, tuple)):
        items = template_sizes.printed_items(value, limit)
        environment.within(len(argument(1, "start", 0)) + sum(
            len(item) if hasattr(item, "__len__") else 1 for item in items))
        return (*args[:skip], items, *rest)
    return args


def _counted_template_class(environment: LimitedSandbox) -> type[Template]:
    """Templates whose rendering counts as one level of nesting: an include, an extends, an
    import each render one more template inside the current one."""

    class CountedTemplate(Template):
        @classmethod
        def _from_namespace(cls, env: Environment, namespace: MutableMapping[str, Any],
                            globals: MutableMapping[str, Any]) -> Template:
            template = super()._from_namespace(env, namespace, globals)
            render = template.root_render_func

            def counted(context: Context) -> Iterator[str]:
                environment.enter(lambda: _("plantilla «{name}»").format(name=template.name))
                try:
                    yield from render(context)
                finally:
                    environment.leave()
            template.root_render_func = counted
            return template

    return CountedTemplate


# --- time -------------------------------------------------------------------------------------

class _Deadline:
    """Stops the thread that renders when its time is up, wherever it is in a template's code,
    by raising `_TimeUp` in it (CPython's asynchronous exceptions: checked between bytecodes,
    so a loop of any shape stops). Leaving the block cancels it, and a pending one is cleared,
    so that nothing is raised after the block. The process's one `_Watchdog` thread keeps the
    time."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.thread = threading.get_ident()
        self.lock = threading.Lock()
        self.active = False
        self.fired = False

    def _fire(self) -> None:
        with self.lock:
            if self.active:
                self.fired = True
                _async_raise(self.thread, _TimeUp)

    def __enter__(self) -> _Deadline:
        self.active = True
        _WATCHDOG.watch(self, time.monotonic() + self.seconds)
        return self

    def __exit__(self, *exc_info: object) -> Literal[False]:
        # Forgotten first, and apart from our lock (the watchdog takes its own, then ours).
        _WATCHDOG.forget(self)
        with self.lock:
            self.active = False
            if self.fired:
                _async_raise(self.thread, None)
        return False


class _Watchdog:
    """One thread that fires every deadline of the process when it falls due. A thread of its
    own per document (a `threading.Timer`) cost more to start than a small document costs to
    lay out; this one is started once, and sleeps until the earliest deadline it watches."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.due: dict[_Deadline, float] = {}
        # When the thread wakes next on its own (None: only when told), and the thread.
        self.wakes: float | None = None
        self.thread: threading.Thread | None = None

    def watch(self, deadline: _Deadline, due: float) -> None:
        with self.condition:
            self.due[deadline] = due
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="pmg-template-deadline",
                                               daemon=True)
                self.thread.start()
            elif self.wakes is None or due < self.wakes:
                # Told only when it would sleep past this deadline: documents one after the
                # other each add a deadline later than the one it already sleeps towards.
                self.condition.notify()

    def forget(self, deadline: _Deadline) -> None:
        with self.condition:
            self.due.pop(deadline, None)

    def _run(self) -> None:
        with self.condition:
            while True:
                now = time.monotonic()
                for deadline, due in list(self.due.items()):
                    if due <= now:
                        del self.due[deadline]
                        deadline._fire()
                self.wakes = min(self.due.values(), default=None)
                self.condition.wait(None if self.wakes is None else self.wakes - now)


_WATCHDOG = _Watchdog()


def _new_watchdog() -> None:
    """In a child made by fork, where the watchdog's thread does not exist and its lock may
    have been held by it: a fresh one."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):  # no fork, and no such function, on Windows
    os.register_at_fork(after_in_child=_new_watchdog)


def _async_raise(thread: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                               ctypes.py_object(exception) if exception
                                               else None)


# --- running a template -----------------------------------------------------------------------

def render_limited(environment: LimitedSandbox, name: str, context: dict[str, Any]) -> str:
    """The HTML of template `name` with `context`, within the environment's limits. Raises
    TemplateFailure, located at the template's line where that is known."""
    limits = environment.limits
    environment.state.depth = 0
    deadline = _Deadline(limits.seconds)
    try:
        with deadline:
            html = _generate(environment.get_template(name), context, limits.characters)
        if deadline.fired:
            raise _TimeUp()  # delivered, and swallowed by code on the way
    except _TimeUp as exc:
        if environment.cache is not None:
            # Stopped anywhere, perhaps while Jinja filed a compiled template: start afresh.
            environment.cache.clear()
        raise _located(exc, _(
            "la plantilla no terminó en {seconds} s (límite: {option}); ¿un ciclo sin fin?").format(
            seconds=f"{limits.seconds:g}", option=TemplateLimits.OPTIONS["seconds"]),
            name) from None
    except Exception as exc:  # noqa: BLE001 - any error of a template's code is the template's
        raise _located(exc, _failure_message(exc), name) from None
    finally:
        environment.state.depth = 0
    return html


def _generate(template: Template, context: dict[str, Any], characters: int) -> str:
    """The template's HTML, stopped inside the template once it passes `characters`."""
    # Jinja declares `generate` an Iterator; it is a generator function, so `throw` reaches the
    # template's code.
    stream = cast(Generator[str, None, None], template.generate(**context))
    chunks: list[str] = []
    size = 0
    for chunk in stream:
        size += len(chunk)
        if size > characters:
            # Raised where the template is, so that the message can name its line.
            stream.throw(_LimitReached(_limit_message("characters", characters)))
        chunks.append(chunk)
    return "".join(chunks)


def _failure_message(exc: Exception) -> str:
    """What the user reads for an error raised while a template runs."""
    if isinstance(exc, _LimitReached):
        return str(exc)
    if isinstance(exc, RecursionError):
        return _("las plantillas o macros se llaman a sí mismas sin fin (recursión)")
    if isinstance(exc, MemoryError):
        return _("la plantilla agotó la memoria")
    if isinstance(exc, TemplateNotFound):
        if exc.message and exc.message != exc.name:
            return exc.message
        return _("no se encuentra la plantilla «{name}» en las carpetas de plantillas").format(
            name=exc.name)
    return template_error(_describe(exc))


def template_error(problem: str) -> str:
    # Jinja words its errors in English; they name the template's own code.
    return _("error en la plantilla: {problem}").format(problem=problem)


def _describe(exc: BaseException) -> str:
    from jinja2 import TemplateError

    if isinstance(exc, TemplateError):
        return str(exc.message if getattr(exc, "message", None) else exc)
    if isinstance(exc, OverflowError) and "MAX_RANGE" in str(exc):
        return _("range() de más de {count} elementos, el límite del sandbox de Jinja").format(
            count=f"{MAX_RANGE:_}".replace("_", "."))
    return f"{type(exc).__name__}: {exc}"


def _located(exc: BaseException, message: str, name: str) -> TemplateFailure:
    """The failure at the innermost template line of the exception's traceback (Jinja rewrites
    tracebacks so that template code shows as the template's file and line)."""
    file, line = None, None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(TEMPLATE_SUFFIX):
            file, line = frame.filename, frame.lineno
    if file is None and getattr(exc, "filename", None):
        file, line = getattr(exc, "filename"), getattr(exc, "lineno", None)
    return TemplateFailure(message, _shown(file) if file else name, line)


def _shown(file: str) -> str:
    from ..diagnostics import display_name

    return display_name(Path(os.fspath(file)))
