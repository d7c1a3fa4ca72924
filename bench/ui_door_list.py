"""Door list in the desktop UI with a large guest list: what the GUI thread pays.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_door_list.py [--guests N]

Builds a real event file with N guests (50,000 by default), then measures, all in this run:
1. the worker-side query (app.queries.guests), off the GUI thread in the app;
2. GUI thread: RowsModel.set_rows + laying out and painting the Door table (what Showday does),
   against the baseline of a QTableWidget filled with one item per cell;
3. one check-in: DoorView's one-row update (counts + one row) against a full reload of the list.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem  # noqa: E402

from app import queries  # noqa: E402
from app.demo import populate  # noqa: E402
from app.store import EventFile  # noqa: E402
from ui.table_model import RowsModel  # noqa: E402
from ui.views.door import COLUMNS  # noqa: E402
from ui.views.widgets import table_view  # noqa: E402


def ms(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--guests", type=int, default=50_000)
    args = p.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        ef = EventFile.create(Path(tmp) / "bench.showday", "Bench")
        populate(ef, guests=args.guests)
        rows = queries.guests(ef)
        print(f"guests: {len(rows):,}")

        q_ms = ms(lambda: queries.guests(ef))
        print(f"1. query (worker thread):            {q_ms:8.1f} ms")

        view = table_view(RowsModel(COLUMNS))
        view.resize(1300, 700)
        view.show()

        def model_path() -> None:
            view.model().set_rows(list(rows))  # type: ignore[attr-defined]
            view.repaint()
            app.processEvents()

        def widget_path() -> None:
            table = QTableWidget(len(rows), len(COLUMNS))
            keys = [c.key for c in COLUMNS]
            for r, row in enumerate(rows):
                for c, key in enumerate(keys):
                    table.setItem(r, c, QTableWidgetItem("" if row[key] is None else str(row[key])))
            table.resize(1300, 700)
            table.show()
            table.repaint()
            app.processEvents()
            table.deleteLater()

        m_ms, w_ms = ms(model_path), ms(widget_path, repeat=1)
        print(f"2. GUI: model + paint (Showday):      {m_ms:8.1f} ms")
        print(f"   GUI: QTableWidget items (baseline): {w_ms:8.1f} ms   ratio {w_ms / m_ms:6.1f}x")

        gid = rows[len(rows) // 2]["id"]
        model = view.model()

        def one_row() -> None:
            queries.door_counts(ef)
            model.update_row(queries.guest(ef, gid))  # type: ignore[attr-defined]
            app.processEvents()

        def full_reload() -> None:
            queries.door_counts(ef)
            model.set_rows(queries.guests(ef))  # type: ignore[attr-defined]
            app.processEvents()

        o_ms, f_ms = ms(one_row, repeat=20), ms(full_reload)
        print(f"3. check-in: one-row update:          {o_ms:8.2f} ms")
        print(f"   check-in: full reload (baseline):  {f_ms:8.1f} ms   ratio {f_ms / o_ms:6.0f}x")
        print(f"RESULT door_list_paint_50k={m_ms:.1f} ms target=- ok=-")
        print(f"RESULT door_list_checkin_row_update={o_ms:.2f} ms target=- ok=-")
        ef.close()


if __name__ == "__main__":
    main()
