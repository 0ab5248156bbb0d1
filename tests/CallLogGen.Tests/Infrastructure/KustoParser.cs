using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>A table the parser knows: its name and its CSL schema, e.g. <c>(S:string, I:long)</c>.</summary>
public sealed record KqlTable(string Name, string Csl);

/// <summary>One query to check. <paramref name="Analyze"/> false parses only (about 5 times faster): syntax
/// diagnostics, literals and node kinds, but no semantic diagnostics, no columns and no type-family check.</summary>
public sealed record KqlQuery(string Id, string Kql, bool Analyze = true);

/// <summary>A diagnostic; <paramref name="Source"/> is <c>parser</c>, or <c>oracle</c> for the type-family rule.</summary>
public sealed record KqlDiagnostic(string Source, string Code, string Message, string Severity, int Start, int Length)
{
    public override string ToString() => $"{Source} {Code} {Severity} at {Start}+{Length}: {Message}";
}

/// <summary>A result column.</summary>
public sealed record KqlColumn(string Name, string? Type);

/// <summary>
/// A literal as the parser sees it. <paramref name="Value"/> is the parser's own decoded value as text (see
/// tools/kusto-language/check.js: the string itself; integers and decimals in digits; reals as JS text; datetimes and
/// timespans as ticks, lossy); <paramref name="Decoded"/> is the oracle's strict decoding of the forms the parser
/// decodes lossily or not at all (datetime and <c>time(d.hh:mm:ss)</c> to ticks, <c>real(nan)</c>/<c>(+inf)</c>/<c>(-inf)</c>).
/// </summary>
public sealed record KqlLiteralInfo(string Kind, string? Type, string Text, string? ValueText, string? Value, string? Decoded);

/// <summary>What the parser says about one query.</summary>
public sealed record KqlCheck(
    string Id,
    IReadOnlyList<KqlDiagnostic> Diagnostics,
    IReadOnlyList<KqlColumn>? Columns,
    IReadOnlyList<KqlLiteralInfo> Literals,
    IReadOnlyList<string> Operators,
    string? Error)
{
    public bool IsClean => Error is null && Diagnostics.Count == 0;

    public override string ToString() =>
        Error ?? (Diagnostics.Count == 0 ? "no diagnostics" : string.Join("; ", Diagnostics));
}

/// <summary>
/// Client of the KQL oracle: Microsoft's Kusto parser (npm <c>@kusto/language-service-next</c>) run by
/// <c>tools/kusto-language/check.js</c> in one Node.js process per test run, started on first use. Requests are
/// serialized (the process is single-threaded), so tests in parallel classes share it safely.
/// </summary>
/// <remarks>
/// The parser does not flag <c>==</c>, <c>!=</c>, <c>in</c>, <c>!in</c> between different type families
/// (<c>S == 1</c> passes). check.js adds that rule on the analyzed syntax tree: it reads the result types of both
/// operands (every element of an <c>in</c> list) and reports an <c>ORACLE-TYPES</c> error, source <c>oracle</c>,
/// when their families differ (number, string, bool, datetime, timespan, guid; dynamic is never judged).
/// <para>JSON both ways is written and read by hand for strings: System.Text.Json turns a lone surrogate into U+FFFD
/// when writing and refuses <c>\ud800</c> when reading, and lone surrogates are exactly what some tests send.</para>
/// </remarks>
public static class KustoParser
{
    private const int ChunkSize = 1000;

    private static readonly Lazy<NodeProcess> Node = new(NodeProcess.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ToolDirectory => Path.Combine(RepositoryPaths.Root, "tools", "kusto-language");

    /// <summary>Checks one query.</summary>
    public static KqlCheck Check(string kql, params KqlTable[] tables) =>
        Check(tables, new[] { new KqlQuery("q", kql) })[0];

    /// <summary>
    /// Checks a batch in one process; results in the order of <paramref name="queries"/>. The batch goes in chunks,
    /// written by another thread while the answers are read, so that JSON work here overlaps the parser's.
    /// </summary>
    public static IReadOnlyList<KqlCheck> Check(IReadOnlyList<KqlTable> tables, IReadOnlyList<KqlQuery> queries)
    {
        var chunks = new List<IReadOnlyList<KqlQuery>>();
        for (var start = 0; start < queries.Count; start += ChunkSize)
        {
            chunks.Add(queries.Skip(start).Take(ChunkSize).ToList());
        }

        var results = new List<KqlCheck>(queries.Count);
        var index = 0;
        Node.Value.Send(chunks.Select(chunk => WriteRequest(tables, chunk, keywords: false)), chunks.Count, response =>
        {
            var items = response.RootElement.GetProperty("results");
            var expected = chunks[index++].Count;
            if (items.GetArrayLength() != expected)
            {
                throw new InvalidOperationException($"check.js answered {items.GetArrayLength()} results for {expected} queries");
            }

            results.AddRange(items.EnumerateArray().Select(ReadCheck));
        });
        return results;
    }

    /// <summary>The parser's keywords (Kusto.Language SyntaxFacts.Keywords).</summary>
    public static IReadOnlyList<string> Keywords()
    {
        var keywords = new List<string>();
        Node.Value.Send(
            new[] { WriteRequest(Array.Empty<KqlTable>(), Array.Empty<KqlQuery>(), keywords: true) },
            1,
            response => keywords.AddRange(response.RootElement.GetProperty("keywords").EnumerateArray().Select(ReadString)));
        return keywords;
    }

    // ---- request ----------------------------------------------------------------------------------------------------

    private static string WriteRequest(IReadOnlyList<KqlTable> tables, IReadOnlyList<KqlQuery> queries, bool keywords)
    {
        var json = new StringBuilder(queries.Sum(q => q.Kql.Length + 40) + 200);
        json.Append("{\"tables\":[");
        for (var i = 0; i < tables.Count; i++)
        {
            json.Append(i == 0 ? "{\"name\":" : ",{\"name\":");
            WriteString(json, tables[i].Name);
            json.Append(",\"csl\":");
            WriteString(json, tables[i].Csl);
            json.Append('}');
        }

        json.Append("],\"queries\":[");
        for (var i = 0; i < queries.Count; i++)
        {
            json.Append(i == 0 ? "{\"id\":" : ",{\"id\":");
            WriteString(json, queries[i].Id);
            json.Append(",\"kql\":");
            WriteString(json, queries[i].Kql);
            json.Append(queries[i].Analyze ? ",\"analyze\":true}" : ",\"analyze\":false}");
        }

        return json.Append("],\"keywords\":").Append(keywords ? "true" : "false").Append('}').ToString();
    }

    /// <summary>ASCII-only JSON string: every UTF-16 unit outside printable ASCII as \uXXXX, lone surrogates included.</summary>
    private static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c is >= ' ' and < '\u007f')
            {
                json.Append(c);
            }
            else
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        json.Append('"');
    }

    // ---- response ---------------------------------------------------------------------------------------------------

    private static KqlCheck ReadCheck(JsonElement item)
    {
        var id = ReadString(item.GetProperty("id"));
        if (item.TryGetProperty("error", out var error))
        {
            return new KqlCheck(id, Array.Empty<KqlDiagnostic>(), null, Array.Empty<KqlLiteralInfo>(), Array.Empty<string>(), ReadString(error));
        }

        var diagnostics = item.GetProperty("diagnostics").EnumerateArray().Select(d => new KqlDiagnostic(
            ReadString(d.GetProperty("source")),
            ReadString(d.GetProperty("code")),
            ReadString(d.GetProperty("message")),
            ReadString(d.GetProperty("severity")),
            d.GetProperty("start").GetInt32(),
            d.GetProperty("length").GetInt32())).ToList();
        var columnsElement = item.GetProperty("columns");
        var columns = columnsElement.ValueKind == JsonValueKind.Array
            ? columnsElement.EnumerateArray().Select(c => new KqlColumn(ReadString(c.GetProperty("name")), ReadNullable(c.GetProperty("type")))).ToList()
            : null;
        var literals = item.GetProperty("literals").EnumerateArray().Select(l => new KqlLiteralInfo(
            ReadString(l.GetProperty("kind")),
            ReadNullable(l.GetProperty("type")),
            ReadString(l.GetProperty("text")),
            ReadNullable(l.GetProperty("valueText")),
            ReadNullable(l.GetProperty("value")),
            ReadNullable(l.GetProperty("decoded")))).ToList();
        var operators = item.GetProperty("operators").EnumerateArray().Select(ReadString).ToList();
        return new KqlCheck(id, diagnostics, columns, literals, operators, null);
    }

    private static string? ReadNullable(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : ReadString(element);

    /// <summary>Unescapes a JSON string from its raw text, keeping lone surrogates (which GetString refuses).</summary>
    private static string ReadString(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"expected a JSON string, got {element.ValueKind}");
        }

        var raw = element.GetRawText();
        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var e = raw[++i];
            switch (e)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(e); break; // " \ /
            }
        }

        return text.ToString();
    }

    // ---- the process --------------------------------------------------------------------------------------------------

    private sealed class NodeProcess
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new();
        private readonly object _gate = new();

        private NodeProcess(Process process)
        {
            _process = process;
        }

        public static NodeProcess Start()
        {
            var script = Path.Combine(ToolDirectory, "check.js");
            if (!Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "@kusto", "language-service-next")))
            {
                throw new InvalidOperationException(
                    $"{ToolDirectory}/node_modules is missing: the test project's build runs 'npm ci' there (target InstallKustoLanguage); run it by hand or rebuild.");
            }

            var info = new ProcessStartInfo("node", $"\"{script}\"")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = new UTF8Encoding(false),
                WorkingDirectory = ToolDirectory,
            };
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("Node.js ('node' on PATH) is required by the KQL tests: " + e.Message, e);
            }

            var node = new NodeProcess(process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (node._stderr)
                    {
                        node._stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => node.Stop();
            return node;
        }

        /// <summary>Sends <paramref name="count"/> requests (one line each) and hands each answer to <paramref name="receive"/>.</summary>
        public void Send(IEnumerable<string> requests, int count, Action<JsonDocument> receive)
        {
            lock (_gate)
            {
                var writer = Task.Run(() =>
                {
                    foreach (var request in requests)
                    {
                        _process.StandardInput.WriteLine(request);
                        _process.StandardInput.Flush();
                    }
                });
                try
                {
                    for (var i = 0; i < count; i++)
                    {
                        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("check.js ended without answering:\n" + Stderr());
                        using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
                        if (document.RootElement.TryGetProperty("error", out var error))
                        {
                            throw new InvalidOperationException("check.js: " + error.GetRawText());
                        }

                        receive(document);
                    }
                }
                catch
                {
                    // The process may be blocked writing an answer nobody reads, and the writer behind it: end both.
                    try
                    {
                        _process.Kill();
                        writer.Wait(TimeSpan.FromSeconds(5));
                    }
                    catch (Exception)
                    {
                        // the original failure matters, not this one
                    }

                    throw;
                }

                writer.GetAwaiter().GetResult();
            }
        }

        private string Stderr()
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }

        private void Stop()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2000))
                {
                    _process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }
}
