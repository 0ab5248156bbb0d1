using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CallLogGen.Diagnostics;
using CallLogGen.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = CallLogGen.Model.SourceSpan;

namespace CallLogGen.Schema.Markdown;

/// <summary>Which header cell plays which part in a schema table. Indexes are -1 where the table has no such column.</summary>
/// <see cref="LogAnalyticsNameIndex"/>: a column that gives each field's Log Analytics name, in a table of an export's fields
/// (<c>| Azure Storage field or property | Azure Monitor Logs property | Description |</c>). <see cref="NeedsLogContext"/>: the
/// first header is one that value lists use too (<c>Value</c>), so the page must say it documents a log.
internal readonly record struct SchemaTableLayout(int HeaderCount, int TypeIndex, int DescriptionIndex, int RequiredIndex, int LogAnalyticsNameIndex = -1, bool NeedsLogContext = false);

/// <summary>
/// Decides whether a pipe table is a log schema and reads its rows into columns.
/// <para>
/// A schema table has, as its first header cell, one of Property, Property name, Name, Column, Column name,
/// Field, Field name or Dimension (case, bold, spaces and punctuation ignored), and a Description (or Notes) column or a
/// Type / Data type column; a Required / "Required or optional" column is optional.
/// </para>
/// <para>Cells are read the way the author meant them, not as GFM splits them:</para>
/// <list type="bullet">
/// <item>Markdig, in its permissive pipe-table mode, keeps a code span whole even when it holds a bare
/// <c>|</c>. Should a row still have more cells than the header (a <c>|</c> in an unclosed code span or in plain text), the
/// cells are rejoined: first runs of cells whose backticks only balance together, then all surplus cells into the
/// last header column. A rejoined cell is read again from its source text, <c>|</c> included.</item>
/// <item>Missing cells (a row without closing pipe, or shorter than the header) are empty.</item>
/// <item>Name cell: when it holds code spans and nothing else but punctuation and the words "or"/"and"
/// (<c>.`name`</c>, <c>`category` or `type`</c>), the name is the content of the FIRST code span, trimmed: a row
/// documents one column, and the first spelling is the one the record uses (the others are aliases the
/// resolver can map with table options). Otherwise the name is the cell's plain text, trimmed; spaces inside
/// it are kept (<c>Operation Name</c>).</item>
/// </list>
/// </summary>
internal sealed class MarkdownTableReader
{
    private static readonly HashSet<string> NameHeaders = new(StringComparer.Ordinal)
    {
        "property", "propertyname", "name", "column", "columnname", "field", "fieldname", "dimension",
    };

    // First headers that value lists use as well: a schema table only where its section speaks of a log.
    private static readonly HashSet<string> AmbiguousNameHeaders = new(StringComparer.Ordinal) { "value" };

    // First headers of tables that map an export's fields to Log Analytics columns: a schema table only with that column.
    private static readonly HashSet<string> ExportFieldHeaders = new(StringComparer.Ordinal)
    {
        "azurestoragefieldorproperty", "exportfield", "jsonfield", "fieldorproperty",
    };

    private static readonly HashSet<string> LogAnalyticsNameHeaders = new(StringComparer.Ordinal)
    {
        "azuremonitorlogsproperty", "azuremonitorlogscolumn", "loganalyticscolumn", "loganalyticsproperty", "loganalyticsname",
    };

    private static readonly HashSet<string> TypeHeaders = new(StringComparer.Ordinal) { "type", "datatype", "columntype" };

    private static readonly HashSet<string> RequiredHeaders = new(StringComparer.Ordinal)
    {
        "required", "requiredoroptional", "requiredoptional",
    };

    // Rejoined cells are read again with plain CommonMark: no tables, so '|' is text.
    private static readonly MarkdownPipeline FragmentPipeline = new MarkdownPipelineBuilder().Build();

    private readonly SourceMap _map;
    private readonly string _parsed;
    private readonly StringBuilder _buffer;
    private readonly List<DiagnosticInfo> _diagnostics;
    private Cell[] _cells = new Cell[8];

    public MarkdownTableReader(SourceMap map, string parsedText, StringBuilder buffer, List<DiagnosticInfo> diagnostics)
    {
        _map = map;
        _parsed = parsedText;
        _buffer = buffer;
        _diagnostics = diagnostics;
    }

    /// <summary>True when the table's header makes it a schema table.</summary>
    public static bool TryGetLayout(Table table, StringBuilder buffer, out SchemaTableLayout layout)
    {
        layout = default;
        if (table.Count < 1 || table[0] is not TableRow { IsHeader: true } header)
        {
            return false;
        }

        var headerCount = RealCellCount(header);
        var first = headerCount < 2 ? string.Empty : MarkdownText.Key(MarkdownText.Plain((TableCell)header[0], buffer));
        if (!NameHeaders.Contains(first) && !AmbiguousNameHeaders.Contains(first) && !ExportFieldHeaders.Contains(first))
        {
            return false;
        }

        int type = -1, description = -1, notes = -1, required = -1, logAnalyticsName = -1;
        for (var i = 1; i < headerCount; i++)
        {
            var key = MarkdownText.Key(MarkdownText.Plain((TableCell)header[i], buffer));
            if (type < 0 && TypeHeaders.Contains(key))
            {
                type = i;
            }
            else if (description < 0 && key == "description")
            {
                description = i;
            }
            else if (notes < 0 && key == "notes")
            {
                notes = i;
            }
            else if (required < 0 && RequiredHeaders.Contains(key))
            {
                required = i;
            }
            else if (logAnalyticsName < 0 && LogAnalyticsNameHeaders.Contains(key))
            {
                logAnalyticsName = i;
            }
        }

        if (ExportFieldHeaders.Contains(first) && logAnalyticsName < 0)
        {
            return false;
        }

        if (description < 0)
        {
            description = notes;
        }

        if (type < 0 && description < 0)
        {
            return false;
        }

        layout = new SchemaTableLayout(headerCount, type, description, required, logAnalyticsName, AmbiguousNameHeaders.Contains(first));
        return true;
    }

    /// <summary>
    /// A table whose type cells are mostly not column types (Kubernetes specs: <c>[]string</c>, <c>Object</c>)
    /// documents something else than a log table. Returns the first type that is not a column type when at most
    /// half of the non-empty type cells parse; null when the table is a log schema.
    /// </summary>
    public string? FindForeignType(Table table, SchemaTableLayout layout)
    {
        if (layout.TypeIndex < 0)
        {
            return null;
        }

        int nonEmpty = 0, parsed = 0;
        string? firstForeign = null;
        for (var r = 1; r < table.Count; r++)
        {
            if (table[r] is not TableRow row)
            {
                continue;
            }

            var cells = ReadCells(row, layout.HeaderCount);
            var text = PlainText(cells[layout.TypeIndex]);
            if (text.Length == 0)
            {
                continue;
            }

            nonEmpty++;
            if (KqlTypes.TryParse(text, out _))
            {
                parsed++;
            }
            else
            {
                firstForeign ??= text;
            }
        }

        return nonEmpty > 0 && parsed * 2 <= nonEmpty ? firstForeign : null;
    }

    /// <summary>Reads the rows; null (and CLG1016) when none is a readable column.</summary>
    public SourceTable? Read(Table table, SchemaTableLayout layout, string name, SourceSpan location, CancellationToken cancellationToken)
    {
        var columns = new List<SourceColumn>(Math.Max(4, table.Count - 1));
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        for (var r = 1; r < table.Count; r++)
        {
            if ((r & 31) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (table[r] is not TableRow row || row.IsHeader)
            {
                continue;
            }

            try
            {
                var column = ReadRow(row, layout, name, seen);
                if (column is not null)
                {
                    columns.Add(column);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticCatalog.UnreadableColumn, RowSpan(row), name, "the reader failed on it (" + ex.GetType().Name + ": " + ex.Message + ")"));
            }
        }

        if (columns.Count == 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.EmptyTable, location, name));
            return null;
        }

        return new SourceTable(name, false, null, location, columns.ToEquatableArray());
    }

    private SourceColumn? ReadRow(TableRow row, SchemaTableLayout layout, string tableName, Dictionary<string, SourceSpan> seen)
    {
        var cells = ReadCells(row, layout.HeaderCount);
        var nameCell = cells[0];
        var name = ColumnName(nameCell);
        if (layout.LogAnalyticsNameIndex >= 0)
        {
            // The field's Log Analytics name where the table gives one; a field Log Analytics does not keep ("n/a") is no column.
            var logAnalytics = ColumnName(cells[layout.LogAnalyticsNameIndex]);
            if (logAnalytics.Length == 0 || MarkdownText.Key(logAnalytics) is "na" or "none")
            {
                return null;
            }

            nameCell = cells[layout.LogAnalyticsNameIndex];
            name = logAnalytics;
        }
        if (name.Length == 0)
        {
            var rowIsEmpty = true;
            for (var i = 0; i < layout.HeaderCount && rowIsEmpty; i++)
            {
                rowIsEmpty = cells[i].IsEmpty || PlainText(cells[i]).Length == 0;
            }

            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticCatalog.UnreadableColumn, RowSpan(row), tableName, rowIsEmpty ? "the row is empty" : "the name cell is empty"));
            return null;
        }

        var nameSpan = CellSpan(nameCell, row);
        if (!MarkdownText.HasLetterOrDigit(name))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidName, nameSpan, name));
            return null;
        }

        if (seen.TryGetValue(name, out var first))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateColumn, nameSpan, tableName, name, first.Display));
            return null;
        }

        seen.Add(name, nameSpan);

        string? typeText = null;
        KqlType? type = null;
        if (layout.TypeIndex >= 0)
        {
            var text = PlainText(cells[layout.TypeIndex]);
            if (text.Length != 0)
            {
                typeText = text;
                if (KqlTypes.TryParseFromDocs(text, out var parsed))
                {
                    type = parsed;
                }
                else
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnknownType, CellSpan(cells[layout.TypeIndex], row), name, text));
                }
            }
        }

        var required = layout.RequiredIndex >= 0 ? ParseRequired(PlainText(cells[layout.RequiredIndex])) : Requiredness.Unspecified;
        var description = layout.DescriptionIndex >= 0 ? PlainText(cells[layout.DescriptionIndex]) : string.Empty;
        return new SourceColumn(name, typeText, type, required, description, nameSpan);
    }

    /// <summary>"Required", "Yes", "true" are required; "Optional", "No", "false" optional; anything else ("Required for tenant logs") unspecified.</summary>
    internal static Requiredness ParseRequired(string text) => MarkdownText.Key(text) switch
    {
        "required" or "yes" or "true" => Requiredness.Required,
        "optional" or "no" or "false" => Requiredness.Optional,
        _ => Requiredness.Unspecified,
    };

    // ---- cells ----

    /// <summary>A cell as the author meant it: one Markdig cell, or several rejoined (Start/End over the source).</summary>
    private readonly struct Cell
    {
        public Cell(TableCell? source, int start, int end, bool rejoined)
        {
            Source = source;
            Start = start;
            End = end;
            Rejoined = rejoined;
        }

        public TableCell? Source { get; }

        /// <summary>First character in the parsed text; End is inclusive.</summary>
        public int Start { get; }

        public int End { get; }

        public bool Rejoined { get; }

        public bool IsEmpty => Source is null && !Rejoined;
    }

    // Markdig pads short rows with cells whose span is empty (End < Start); empty cells (`||`) look the same.
    private static bool IsReal(Block cell) => cell.Span.End >= cell.Span.Start;

    private static int RealCellCount(TableRow row)
    {
        for (var i = row.Count - 1; i >= 0; i--)
        {
            if (IsReal(row[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private Cell[] ReadCells(TableRow row, int headerCount)
    {
        var count = RealCellCount(row);
        var size = Math.Max(count, headerCount);
        if (_cells.Length < size)
        {
            _cells = new Cell[size * 2];
        }

        var cells = _cells;
        for (var i = 0; i < size; i++)
        {
            cells[i] = i < count && IsReal(row[i]) ? new Cell((TableCell)row[i], row[i].Span.Start, row[i].Span.End, false) : default;
        }

        for (var i = count; i < cells.Length; i++)
        {
            cells[i] = default;
        }

        if (count > headerCount)
        {
            count = RejoinByBackticks(cells, count, headerCount);
            if (count > headerCount)
            {
                Merge(cells, headerCount - 1, count - 1, count);
                count = headerCount;
            }

            for (var i = count; i < cells.Length; i++)
            {
                cells[i] = default;
            }
        }

        return cells;
    }

    // A cell with an odd number of backticks opened a code span that a '|' cut: join it with the following
    // cells until the backticks balance, as long as the row has surplus cells.
    private int RejoinByBackticks(Cell[] cells, int count, int headerCount)
    {
        for (var i = 0; i < count - 1 && count > headerCount; i++)
        {
            if (cells[i].IsEmpty || (CountBackticks(cells[i]) & 1) == 0)
            {
                continue;
            }

            var ticks = CountBackticks(cells[i]);
            var j = i + 1;
            for (; j < count; j++)
            {
                ticks += CountBackticks(cells[j]);
                if ((ticks & 1) == 0)
                {
                    break;
                }
            }

            if (j >= count)
            {
                continue;
            }

            var joined = Math.Min(j - i, count - headerCount);
            count = Merge(cells, i, i + joined, count);
        }

        return count;
    }

    private int CountBackticks(Cell cell)
    {
        var n = 0;
        for (var k = cell.Start; k <= cell.End && k < _parsed.Length; k++)
        {
            if (_parsed[k] == '`')
            {
                n++;
            }
        }

        return n;
    }

    // Replaces cells[from..to] by one rejoined cell; returns the new count.
    private static int Merge(Cell[] cells, int from, int to, int count)
    {
        var start = -1;
        var end = -1;
        for (var k = from; k <= to; k++)
        {
            if (cells[k].IsEmpty)
            {
                continue;
            }

            if (start < 0)
            {
                start = cells[k].Start;
            }

            end = cells[k].End;
        }

        cells[from] = start < 0 ? default : new Cell(null, start, end, true);
        var removed = to - from;
        for (var k = to + 1; k < count; k++)
        {
            cells[k - removed] = cells[k];
        }

        return count - removed;
    }

    private string PlainText(Cell cell)
    {
        if (cell.IsEmpty)
        {
            return string.Empty;
        }

        return cell.Rejoined ? MarkdownText.Plain(ParseFragment(cell), _buffer) : MarkdownText.Plain(cell.Source, _buffer);
    }

    private MarkdownDocument ParseFragment(Cell cell)
    {
        var fragment = _parsed.Substring(cell.Start, cell.End - cell.Start + 1).Trim();
        return Markdig.Markdown.Parse(fragment, FragmentPipeline);
    }

    private string ColumnName(Cell cell)
    {
        if (cell.IsEmpty)
        {
            return string.Empty;
        }

        ContainerBlock container = cell.Rejoined ? ParseFragment(cell) : cell.Source!;
        var leaf = FirstLeaf(container);
        if (leaf?.Inline is null)
        {
            return string.Empty;
        }

        string? firstCode = null;
        _buffer.Clear();
        CollectOutsideCode(leaf.Inline, _buffer, ref firstCode);
        var outside = MarkdownText.Collapse(_buffer);
        if (firstCode is not null && MarkdownText.HasLetterOrDigit(firstCode) && OnlyConnectors(outside))
        {
            return firstCode.Trim();
        }

        return MarkdownText.Plain(leaf.Inline, _buffer);
    }

    private static LeafBlock? FirstLeaf(ContainerBlock container)
    {
        foreach (var block in container)
        {
            if (block is LeafBlock leaf)
            {
                return leaf;
            }

            if (block is ContainerBlock inner && FirstLeaf(inner) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static void CollectOutsideCode(Inline inline, StringBuilder outside, ref string? firstCode)
    {
        switch (inline)
        {
            case CodeInline code:
                firstCode ??= code.Content;
                outside.Append(' ');
                return;
            case LiteralInline literal:
                MarkdownText.AppendSlice(outside, literal.Content);
                return;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    CollectOutsideCode(child, outside, ref firstCode);
                }

                return;
            case AutolinkInline autolink:
                outside.Append(autolink.Url);
                return;
            default:
                outside.Append(' ');
                return;
        }
    }

    // Text between code spans that does not name anything: punctuation, "or", "and".
    private static bool OnlyConnectors(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            var isOr = length == 2 && string.Compare(text, start, "or", 0, 2, StringComparison.OrdinalIgnoreCase) == 0;
            var isAnd = length == 3 && string.Compare(text, start, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
            if (!isOr && !isAnd)
            {
                return false;
            }
        }

        return true;
    }

    // ---- locations ----

    /// <summary>The cell's source, without the spaces around it.</summary>
    private SourceSpan CellSpan(Cell cell, TableRow row)
    {
        if (cell.IsEmpty)
        {
            return RowSpan(row);
        }

        var start = cell.Start;
        var end = Math.Min(cell.End, _parsed.Length - 1);
        while (start < end && char.IsWhiteSpace(_parsed[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(_parsed[end]))
        {
            end--;
        }

        return _map.ParsedSpan(start, end - start + 1);
    }

    /// <summary>The row's line, from its first non-blank character to its last.</summary>
    public SourceSpan RowSpan(Block row)
    {
        var anchor = row.Span.Start;
        if (row is TableRow tableRow)
        {
            for (var i = 0; i < tableRow.Count; i++)
            {
                if (IsReal(tableRow[i]))
                {
                    anchor = tableRow[i].Span.Start;
                    break;
                }
            }
        }

        return LineSpan(anchor, 0);
    }

    /// <summary>The line holding <paramref name="anchor"/> (parsed offset), trimmed, starting no earlier than <paramref name="lowerBound"/>.</summary>
    public SourceSpan LineSpan(int anchor, int lowerBound)
    {
        if (_parsed.Length == 0)
        {
            return _map.ParsedSpan(0, 0);
        }

        anchor = Math.Max(0, Math.Min(anchor, _parsed.Length - 1));
        var start = anchor;
        while (start > 0 && _parsed[start - 1] != '\n' && _parsed[start - 1] != '\r')
        {
            start--;
        }

        start = Math.Max(start, Math.Min(lowerBound, anchor));
        var end = anchor;
        while (end < _parsed.Length && _parsed[end] != '\n' && _parsed[end] != '\r')
        {
            end++;
        }

        while (start < end && char.IsWhiteSpace(_parsed[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(_parsed[end - 1]))
        {
            end--;
        }

        return _map.ParsedSpan(start, end - start);
    }
}
