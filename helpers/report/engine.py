"""How the build runs a notebook: papermill's engine, writing the executed copy once, and the kernel's start-up line.

Two costs of papermill's defaults that a build does not need (issue 18, measured as CPU
seconds on the sample corpus, 2026-12-06):

- Papermill writes the whole executed notebook (every output so far, figures included,
  validated and deep-copied) before and after every cell: about 120 writes for
  ``03_sentiment``, 1.4 s of the worker's CPU while its kernel runs (0.07 s for a
  four-cell notebook). The build reads the executed copy only once papermill returns, so
  ``ReportEngine`` writes it once, when the run ends, which papermill's engine does
  however it ends (finished, failed in a cell, timed out, kernel lost), so the copy still
  holds every output up to a failure and the start time of the cell that was running.
- The notebooks' setup cell runs ``%autoreload 2`` so that JupyterLab picks up edits to
  ``helpers``; it then checks the modification time of every imported module (about
  2,300) before each cell, 0.4 s of CPU per notebook. A build runs each notebook once in a
  fresh kernel, where nothing can have changed, so ``KERNEL_EXEC_LINE`` turns reloading
  off after each cell in the build's kernels only; opened in JupyterLab, the notebooks
  reload as before.
"""

from __future__ import annotations

from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

ENGINE_NAME = "news-bundle-report"
# Run by each build kernel at start (IPKernelApp.exec_lines): after every cell, if the cell
# loaded IPython's autoreload extension, set it to "off". A lambda, so the notebook's
# namespace gains no name.
KERNEL_EXEC_LINE = (
    "(lambda ip: ip.events.register('post_run_cell', lambda result: ip.run_line_magic('autoreload', 'off') "
    "if ip.find_line_magic('autoreload') else None))(get_ipython())"
)


class SaveAtEndManager(NotebookExecutionManager):
    """Papermill's execution manager, writing the notebook only when the run ends.

    ``notebook_complete`` sets ``end_time`` and then saves; every earlier save (at the
    start, before and after each cell, papermill's autosave) is skipped.
    """

    def save(self, **kwargs) -> None:
        """Write the notebook once the run has ended; before that, do nothing."""
        if self.end_time is not None:
            super().save(**kwargs)


class ReportEngine(NBClientEngine):
    """Papermill's nbclient engine with ``SaveAtEndManager`` (``Engine.execute_notebook``, same steps)."""

    @classmethod
    def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                         autosave_cell_every=30, **kwargs):
        """Execute ``nb``; write it to ``output_path`` once, when the run ends, whatever ended it."""
        nb_man = SaveAtEndManager(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                                  autosave_cell_every=autosave_cell_every)
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb


papermill_engines.register(ENGINE_NAME, ReportEngine)
