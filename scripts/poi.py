"""Apache POI as a sample writer: plan-recording adapters and the runner for scripts/poi/PoiWriter.java.

POI comes from Debian (libapache-poi-java 4.0.1), whose poi-ooxml-schemas jar is a stub; a full one
is compiled from Debian's own source package by scripts/setup_poi.sh into scripts/.cache/poi/.
Without that set-up `unavailable()` says why, and the generators keep the POI-written files that
are already in the repository.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
CACHE = SCRIPTS / ".cache" / "poi"
SCHEMAS_JAR = CACHE / "poi-ooxml-schemas-full.jar"
CLASSES = CACHE / "classes"
SOURCE = SCRIPTS / "poi" / "PoiWriter.java"
JAVA_LIB = Path("/usr/share/java")
JARS = ["poi.jar", "poi-ooxml.jar", "xmlbeans.jar", "commons-collections4.jar", "commons-compress.jar",
        "commons-codec.jar", "commons-math3.jar", "commons-logging.jar", "dom4j.jar", "curvesapi.jar"]


def classpath() -> str:
    # the full schemas jar must come before Debian's stub (poi-ooxml's manifest pulls the stub in)
    return os.pathsep.join([str(SCHEMAS_JAR)] + [str(JAVA_LIB / j) for j in JARS] + [str(CLASSES)])


def unavailable() -> str | None:
    """None when POI can be run, else the reason."""
    for tool in ("java", "javac"):
        if not shutil.which(tool):
            return f"{tool} not found (apt-get install -y default-jdk-headless)"
    missing = [j for j in JARS if not (JAVA_LIB / j).exists()]
    if missing:
        return f"missing {', '.join(missing)} (apt-get install -y libapache-poi-java)"
    if not SCHEMAS_JAR.exists():
        return f"no {SCHEMAS_JAR.relative_to(SCRIPTS.parent)} (run scripts/setup_poi.sh)"
    return None


def _compile() -> None:
    target = CLASSES / "PoiWriter.class"
    if target.exists() and target.stat().st_mtime >= SOURCE.stat().st_mtime:
        return
    CLASSES.mkdir(parents=True, exist_ok=True)
    subprocess.run(["javac", "-nowarn", "-encoding", "UTF-8", "-cp", classpath(), "-d", str(CLASSES), str(SOURCE)],
                   check=True)


def run(plan: list[str], out: Path) -> None:
    _compile()
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "plan.txt"
        p.write_text("\n".join(plan) + "\n", encoding="utf-8")
        subprocess.run(["java", "-Duser.timezone=UTC", "-Djava.awt.headless=true", "-cp", classpath(),
                        "PoiWriter", str(p), str(out)], check=True)


def same_content(a: Path, b: Path) -> bool:
    """True when two .xlsx packages hold the same parts with the same bytes (docProps/ ignored):
    lets a rerun keep the committed file instead of one that differs only in ZIP timestamps."""
    import zipfile

    if not (a.exists() and b.exists()):
        return False
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        na = sorted(n for n in za.namelist() if not n.startswith("docProps/"))
        nb = sorted(n for n in zb.namelist() if not n.startswith("docProps/"))
        return na == nb and all(za.read(n) == zb.read(n) for n in na)


def replace_if_changed(new: Path, dest: Path) -> None:
    """Move new onto dest unless dest already has the same content (then drop new)."""
    if same_content(new, dest):
        new.unlink()
    else:
        os.replace(new, dest)


def esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def cell(c: int, v, style: str = "-") -> str:
    """One CELL line for a Python value (str, bool, int/float, datetime, ('error', code),
    ('formula', text), ('rich', [(flags, text), ...]))."""
    if isinstance(v, bool):
        t, p = "b", "1" if v else "0"
    elif isinstance(v, (int, float)):
        t, p = "n", repr(float(v))
    elif isinstance(v, dt.datetime):
        t, p = "d", v.strftime("%Y-%m-%dT%H:%M:%S") + (f".{v.microsecond // 1000:03d}" if v.microsecond else "")
    elif isinstance(v, dt.date):
        t, p = "d", v.strftime("%Y-%m-%dT00:00:00")
    elif isinstance(v, tuple) and v[0] == "error":
        t, p = "e", v[1]
    elif isinstance(v, tuple) and v[0] == "formula":
        t, p = "f", v[1]
    elif isinstance(v, tuple) and v[0] == "rich":
        t, p = "r", "\u0001".join(f"{flags}\u0002{text}" for flags, text in v[1])
    else:
        t, p = "s", str(v)
    return f"CELL\t{c}\t{t}\t{style}\t{esc(p)}"


class PoiBook:
    """Records a plan; close() runs POI, or keeps the existing file when POI is unavailable."""

    def __init__(self, path: Path, streaming: bool, keep_from: Path | None = None):
        self.path, self.streaming, self.keep_from = path, streaming, keep_from
        self.plan = [f"BOOK\t{'sxssf' if streaming else 'xssf'}"]
        self.writer = "Apache POI 4.0.1 " + ("SXSSFWorkbook (streaming)" if streaming else "XSSFWorkbook")
        self.strings = "inline" if streaming else "shared"
        self.kept = False

    def sheet(self, name: str) -> "PoiSheet":
        self.plan.append(f"SHEET\t{name}")
        return PoiSheet(self.plan)

    def close(self) -> None:
        why = unavailable()
        if why is None:
            tmp = self.path.with_suffix(".tmp.xlsx")
            run(self.plan, tmp)
            replace_if_changed(tmp, self.path)
            return
        src = (self.keep_from or self.path.parent) / self.path.name
        if not src.exists():
            raise SystemExit(f"{self.path.name}: Apache POI unavailable ({why}) and no existing file to keep")
        if src.resolve() != self.path.resolve():
            shutil.copyfile(src, self.path)
        self.kept = True
        print(f"poi: {why}; keeping the existing {self.path.name}", flush=True)


class PoiSheet:
    def __init__(self, plan: list[str]):
        self.plan = plan

    def title(self, r, s, ncols):
        self.plan.append(f"MERGE\t{r - 1}\t0\t{r - 1}\t{max(ncols - 1, 1)}")
        self.plan.append(f"ROW\t{r - 1}")
        self.plan.append(cell(0, s, "title"))

    def row(self, r, values, bold=False, styles=None, hidden=False):
        self.plan.append(f"ROW\t{r - 1}" + ("\thidden" if hidden else ""))
        for c, v in enumerate(values):
            if v is None:
                continue
            if styles and styles[c]:
                st = styles[c]
            elif bold:
                st = "bold"
            elif isinstance(v, str) and "\n" in v:
                st = "wrap"
            elif isinstance(v, dt.datetime):
                st = "fmt:yyyy-mm-dd hh:mm:ss"
            else:
                st = "-"
            self.plan.append(cell(c, v, st))

    def freeze(self, r):
        self.plan.append(f"FREEZE\t{r}")

    def widths(self, ws):
        for c, w in enumerate(ws):
            self.plan.append(f"WIDTH\t{c}\t{w}")

    def hide(self, state="hidden"):
        self.plan.append(f"HIDE\t{state}")
