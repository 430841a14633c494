"""The search box: it takes the keys of a fast burst in the order they were typed.

A terminal delivers a burst (`/word⏎n`, typed fast or sent by a macro) in one read, and the app
routes every key of it to the widget focused *at that moment*: the box, which then handles them
one by one. With the stock `Input`, enter (a binding) was acted on only after bubbling back to
the app, behind the rest of the burst, so the `n` after it was typed into the query instead of
moving to the next hit. Here every key the box owns (characters, its editing bindings, enter,
escape) is handled in the box's own queue, in order; a key that reaches the box after enter or
escape closed it goes back to the app, which routes it to the rows like any later key.
"""

from __future__ import annotations

from typing import Callable

from textual import events
from textual.binding import BindingsMap
from textual.widgets import Input

#: The stock editing bindings (cursor, delete, select) acted on here, in order with characters.
_EDITING = BindingsMap(Input.BINDINGS)


class SearchBox(Input):
    def __init__(self, on_submit: Callable[[str], object], on_cancel: Callable[[], object],
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self._on_submit = on_submit
        self._on_cancel = on_cancel

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # closed by an earlier key of the same burst
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self._on_submit(self.value)
            else:
                self._on_cancel()
            return
        bound = _EDITING.key_to_bindings.get(event.key)
        if bound:
            event.stop()
            event.prevent_default()
            await self.run_action(bound[0].action)
            return
        await super()._on_key(event)
