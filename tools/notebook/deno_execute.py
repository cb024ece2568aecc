"""nbconvert's ExecutePreprocessor, patient with the Deno kernel's late results.

The Deno kernel (2.9.6) now and then publishes a cell's `execute_result` just after its
`status: idle` (seen with jupyter_client: busy, execute_input, idle, execute_result). nbclient
stops reading a cell's messages at idle, so such a cell would be saved without its output.
This preprocessor keeps reading the cell's messages for a short grace period after idle and
records whatever still arrives for that cell. Everything else is nbconvert's own execution.

Used by execute.ts (`deno task notebook <path>`). By hand: put this folder on PYTHONPATH and run
  jupyter nbconvert --to notebook \
    --Exporter.preprocessors='["deno_execute.DenoExecutePreprocessor"]' \
    --DenoExecutePreprocessor.enabled=True --DenoExecutePreprocessor.kernel_name=deno NOTEBOOK
"""

import asyncio
import queue

from nbclient.exceptions import CellExecutionComplete
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float


class DenoExecutePreprocessor(ExecutePreprocessor):
    """Executes a notebook, then waits `grace_seconds` after each cell's idle for late output."""

    grace_seconds = Float(
        0.3, help="How long to keep reading a cell's messages after it reported idle."
    ).tag(config=True)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        while True:
            msg = await self.kc.iopub_channel.get_msg(timeout=None)
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                break
        await self._read_late_messages(parent_msg_id, cell, cell_index)

    async def _read_late_messages(self, parent_msg_id, cell, cell_index):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace_seconds
        while (left := deadline - loop.time()) > 0:
            try:
                msg = await self.kc.iopub_channel.get_msg(timeout=left)
            except (queue.Empty, asyncio.TimeoutError):
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass
