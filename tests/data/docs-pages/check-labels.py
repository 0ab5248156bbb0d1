#!/usr/bin/env python3
"""Checks labels.json (the hand-labelled answer key) against the committed docs pages.

Usage:
    python3 check-labels.py <catalogue.json>          verify labels.json, exit 1 on any problem
    python3 check-labels.py <catalogue.json> --list   also print every pipe table found

<catalogue.json> is a file of the shape {"tables": {"<TableName>": [...columns...]}}, such as the Azure Monitor
table catalogue (azure-monitor-tables.json). Standard library only.

What counts as a pipe table (GitHub-flavoured markdown, as the pages render):
  * a header row that contains an unescaped "|", directly followed by a delimiter row whose cells are all
    dashes with an optional leading or trailing colon (spaces around and inside are tolerated, as in "|: ---|"),
    with as many delimiter cells as header cells;
  * leading indentation is allowed (tables inside list items);
  * lines inside YAML front matter, fenced code blocks (``` or ~~~) and HTML comments are not markdown, so
    pipes there never start a table.
The line of a table is the 1-based line of its header row.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "labels.json")
NOT_PAGES = {"README.md", "SOURCES.md"}
DELIMITER_CELL = re.compile(r"^\s*:?\s*-+\s*:?\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def split_cells(line):
    """Cells of a pipe-table row: split on unescaped pipes, outer pipes optional, cells stripped."""
    text = line.strip()
    cells, current, i = [], "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] == "|":
            current += "\\|"
            i += 2
            continue
        if ch == "|":
            cells.append(current)
            current = ""
        else:
            current += ch
        i += 1
    cells.append(current)
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return [c.strip() for c in cells]


def has_unescaped_pipe(line):
    return re.search(r"(?<!\\)\|", line) is not None


def markdown_lines(text):
    """Yields (line_number, line, is_markdown) where is_markdown is False inside front matter, code fences and
    HTML comments."""
    lines = text.split("\n")
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    fence = None
    in_comment = False
    for number, line in enumerate(lines, start=1):
        if in_front_matter:
            if number > 1 and line.strip() == "---":
                in_front_matter = False
            yield number, line, False
            continue
        if fence is not None:
            match = FENCE.match(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and line.strip() == match.group(1):
                fence = None
            yield number, line, False
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            yield number, line, False
            continue
        match = FENCE.match(line)
        if match:
            fence = match.group(1)
            yield number, line, False
            continue
        stripped = re.sub(r"<!--.*?-->", "", line)
        if "<!--" in stripped:
            in_comment = True
            yield number, stripped[:stripped.index("<!--")], True
            continue
        yield number, stripped, True


def find_tables(path):
    """Every pipe table of a file: {line, heading, columns}."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    rows = list(markdown_lines(text))
    tables, heading = [], ""
    for index, (number, line, is_markdown) in enumerate(rows):
        if not is_markdown:
            continue
        match = HEADING.match(line)
        if match:
            heading = match.group(2).strip()
            continue
        if index + 1 >= len(rows) or not has_unescaped_pipe(line) or not line.strip():
            continue
        _, next_line, next_is_markdown = rows[index + 1]
        if not next_is_markdown or "-" not in next_line:
            continue
        delimiter = split_cells(next_line)
        header = split_cells(line)
        if delimiter and all(DELIMITER_CELL.match(cell) for cell in delimiter) and len(delimiter) == len(header):
            if tables and tables[-1]["line"] == number - 1:
                continue  # a delimiter-looking row inside a table already found
            tables.append({"line": number, "heading": heading, "columns": header})
    return tables


def corpus_files():
    found = []
    for root, _, files in os.walk(HERE):
        for name in files:
            if name.endswith(".md") and not (root == HERE and name in NOT_PAGES):
                found.append(os.path.relpath(os.path.join(root, name), HERE).replace(os.sep, "/"))
    return sorted(found)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        catalogue = json.load(handle)["tables"]
    with open(LABELS, encoding="utf-8") as handle:
        labels = json.load(handle)
    listing = "--list" in argv[2:]
    problems = []

    labelled = {}
    for page in labels["pages"]:
        if page["file"] in labelled:
            problems.append(f"{page['file']}: labelled twice")
        labelled[page["file"]] = page

    files = corpus_files()
    for name in files:
        if name not in labelled:
            problems.append(f"{name}: no entry in labels.json")
    for name in labelled:
        if name not in files:
            problems.append(f"{name}: labelled but no such file")

    for name in files:
        found = find_tables(os.path.join(HERE, name))
        if listing:
            for table in found:
                print(f"{name}:{table['line']}\t[{table['heading']}]\t{table['columns']}")
        entries = labelled.get(name, {}).get("tables", [])
        by_line = {}
        for entry in entries:
            if entry["line"] in by_line:
                problems.append(f"{name}:{entry['line']}: two entries for one table")
            by_line[entry["line"]] = entry
        found_lines = {table["line"] for table in found}
        for table in found:
            entry = by_line.get(table["line"])
            where = f"{name}:{table['line']}"
            if entry is None:
                problems.append(f"{where}: pipe table {table['columns']} has no label")
                continue
            wanted = entry.get("firstColumns", [])
            if not wanted or table["columns"][:len(wanted)] != wanted:
                problems.append(f"{where}: firstColumns {wanted} but the header row is {table['columns']}")
            if entry.get("heading") != table["heading"]:
                problems.append(f"{where}: heading {entry.get('heading')!r} but the nearest heading is "
                                f"{table['heading']!r}")
            kind, expected = entry.get("kind"), entry.get("expected")
            if kind not in ("log-table", "other"):
                problems.append(f"{where}: kind must be log-table or other, not {kind!r}")
            if kind == "other" and expected != "none":
                problems.append(f"{where}: an 'other' table cannot expect a log table ({expected!r})")
            if expected != "none" and expected not in catalogue:
                problems.append(f"{where}: expected table {expected!r} is not in the catalogue")
            if not entry.get("why", "").strip():
                problems.append(f"{where}: no 'why'")
        for line in by_line:
            if line not in found_lines:
                problems.append(f"{name}:{line}: labelled, but no pipe table starts on that line")

    tables = [t for p in labels["pages"] for t in p["tables"]]
    log_tables = [t for t in tables if t["kind"] == "log-table"]
    real = [t for t in log_tables if t["expected"] != "none"]
    print(f"files {len(files)}, pipe tables {len(tables)}, log tables {len(log_tables)}, "
          f"log tables with a real expected table {len(real)}")
    for problem in problems:
        print("PROBLEM", problem)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print("labels.json agrees with the committed pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
