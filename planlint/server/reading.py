"""The workspace's plans, read in a thread of their own: typing right after a folder
opens is not held up by thousands of plans. Meanwhile the open files are linted
without them; once read, the project adopts them in the event loop's thread and
`on_read` publishes what changed (the cross-file findings)."""
from __future__ import annotations

import asyncio
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Dict, Optional, Tuple

from planlint.server.session import Project, Session

# While a workspace is read, the thread that answers the editor gets the interpreter
# back within a millisecond. With Python's 5 ms at each of the dozen hand-overs an
# answer takes, an edit's diagnostics waited 100-400 ms behind a cold read.
READING_SWITCH_SECONDS = 0.001


class WorkspaceReader:
    def __init__(self, session: Session, on_read: Callable[[Project], None]) -> None:
        self.session, self.on_read = session, on_read
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="planlint-workspace")
        self.running: Dict[int, Tuple[Project, Future]] = {}  # by id of the project
        self.switch: Optional[float] = None  # the interval to restore once every read is done

    def start(self) -> None:
        """Begin reading every project's workspace not read yet."""
        loop = asyncio.get_event_loop()
        for project in list(self.session.projects.values()):
            job = self.session.begin_read(project)
            if job is None:
                continue
            if self.switch is None:
                self.switch = sys.getswitchinterval()
                sys.setswitchinterval(READING_SWITCH_SECONDS)
            future = self.pool.submit(job)
            self.running[id(project)] = (project, future)
            future.add_done_callback(
                lambda done, project=project: loop.call_soon_threadsafe(self._finish, project, done))

    def wait(self) -> None:
        """Read every workspace now: a request that needs the other plans' account ids."""
        self.start()
        for project, future in list(self.running.values()):
            future.exception()  # waits; what failed is logged by finish_read
            self._finish(project, future)

    def _finish(self, project: Project, future: Future) -> None:
        if self.running.pop(id(project), None) is None:
            return
        if not self.running and self.switch is not None:
            sys.setswitchinterval(self.switch)
            self.switch = None
        if self.session.finish_read(project, future):
            self.on_read(project)
