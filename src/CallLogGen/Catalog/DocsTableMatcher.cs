using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using CallLogGen.Model;
using CallLogGen.Resolve;

namespace CallLogGen.Catalog;

/// <summary>A real table a docs table documents, why, and the runner-up where the choice was close.</summary>
internal sealed record TableMatch(string TableName, bool FromUserSchema, string Reason, string? RunnerUp);

/// <summary>
/// Decides which real table a docs page's table documents, among the user's own JSON schemas and the Azure Monitor
/// reference's tables (a user's schema of a name wins over the reference's). Evidence, strongest first: what the page
/// says (its front matter, a heading, caption, sentence or header cell naming a table, a link to the table reference),
/// then the categories it shows (an example record's <c>category</c>, a heading that is a category's display name), then
/// the columns alone. Whatever names the table, the columns must fit it; columns alone decide only where they are
/// many, distinctive (not the fields every resource log has) and nearly all the table's. Ties go to the table the page
/// links to, then to the family of the page's other tables; a tie left is no match rather than a guess.
/// </summary>
internal sealed class DocsTableMatcher
{
    // The fields of Azure's common resource-log record and the standard columns: every table has some, so they tell none apart.
    private static readonly HashSet<string> CommonColumns = new(StringComparer.Ordinal)
    {
        "time", "timestamp", "timegenerated", "resourceid", "_resourceid", "operationname", "operationversion", "category",
        "resulttype", "resultsignature", "resultdescription", "durationms", "calleripaddress", "correlationid", "identity",
        "level", "location", "properties", "tenantid", "sourcesystem", "type", "_subscriptionid", "subscriptionid",
        "_billedsize", "_isbillable", "resourcegroup", "resourceprovider", "resource", "resourcetype", "message", "computer",
    };

    // What matching needs of the reference, worked out once per catalogue (so once per compiler process), not per build.
    private static readonly ConditionalWeakTable<AzureMonitorCatalog, ReferenceIndex> Indexes = new();

    private readonly AzureMonitorCatalog _catalog;
    private readonly ReferenceIndex _reference;
    private readonly IReadOnlyList<(string Name, HashSet<string> Keys)> _userTables;

    public DocsTableMatcher(AzureMonitorCatalog catalog, IEnumerable<SourceTable> userSchemas)
    {
        _catalog = catalog;
        _reference = Indexes.GetValue(catalog, static c => new ReferenceIndex(c));
        _userTables = userSchemas.Select(t => (t.Name, new HashSet<string>(t.Columns.Select(c => ColumnNames.Key(c.Name)), StringComparer.Ordinal))).ToList();
    }

    /// <summary>The real table <paramref name="table"/> documents, or null; <paramref name="family"/>: tables already matched on its page.</summary>
    public TableMatch? Match(SourceTable table, IReadOnlyCollection<string> family)
    {
        Ambiguity = null;
        var docs = table.Columns.Select(c => ColumnNames.Key(c.Name)).Where(k => k.Length > 0 && k != "properties").Distinct().ToList();
        if (docs.Count == 0)
        {
            return null;
        }

        var evidence = table.Evidence;
        var candidates = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        void Consider(string name, int strength, string why)
        {
            if (Resolve(name) is not { } found)
            {
                return;
            }

            if (!candidates.TryGetValue(found.Name, out var candidate))
            {
                candidates.Add(found.Name, candidate = new Candidate(found.Name, found.FromUser, found.Keys, Fit(docs, found.Keys)));
            }

            if (strength > candidate.Strength)
            {
                candidate.Strength = strength;
                candidate.Why = why;
            }
        }

        foreach (var name in evidence.FrontMatter)
        {
            Consider(name, 6, "the page's front matter names it");
        }

        foreach (var heading in evidence.Headings)
        {
            foreach (var word in Words(heading))
            {
                if (IsNameLike(word))
                {
                    Consider(word, 5, "a heading names it");
                }
            }
        }

        foreach (var name in evidence.LinkedTables)
        {
            Consider(name, 4, "its section links to its reference page");
        }

        foreach (var word in evidence.Words)
        {
            // A table whose name is a plain word ("Event", "Operation") is named by the text only as written, capital first.
            if (IsNameLike(word))
            {
                Consider(word, 4, "the text beside it names it");
            }
        }

        foreach (var category in evidence.Categories)
        {
            foreach (var name in TablesOfCategory(category))
            {
                Consider(name, 3, "its example record's category is " + category);
            }
        }

        foreach (var heading in evidence.Headings.Take(2))
        {
            foreach (var name in TablesOfDisplayName(heading))
            {
                Consider(name, 2, "a heading is the display name of its category");
            }
        }

        foreach (var name in evidence.PageLinkedTables)
        {
            Consider(name, 1, "the page links to its reference page");
        }


        // Named or shown: the strongest evidence whose table the columns fit as that evidence needs.
        var fitting = candidates.Values.Where(c => c.Fit.FitsEvidence(c.Strength)).ToList();
        if (fitting.Count > 0)
        {
            var strongest = fitting.Max(c => c.Strength);
            return Choose(fitting.Where(c => c.Strength == strongest).ToList(), docs, evidence, family);
        }

        // The columns alone: many, distinctive, and nearly all the table's.
        var byColumns = ColumnCandidates(docs).Where(c => c.Fit.FitsAlone).ToList();
        foreach (var candidate in byColumns)
        {
            candidate.Why = "its columns are the table's";
        }

        var chosen = Choose(byColumns, docs, evidence, family);
        if (chosen is null || family.Contains(chosen.TableName))
        {
            return chosen;
        }

        // A fragment of a record the page documents in several tables: the table its other fragments are, where it fits
        // half of this one's columns and the page points to it more than to the one the columns prefer (a sibling
        // service's table, such as StorageFileLogs on the blob page).
        var chosenScore = PageScore(chosen.TableName, evidence, family);
        var ofThePage = family
            .Select(name => Resolve(name) is { } found ? new Candidate(found.Name, found.FromUser, found.Keys, Fit(docs, found.Keys)) : null)
            .Where(c => c is not null && c.Fit.Coverage >= 0.5 && c.Fit.Distinctive >= 3 && PageScore(c.Name, evidence, family) >= chosenScore + 1)
            .ToList();
        return ofThePage.Count == 1
            ? new TableMatch(ofThePage[0]!.Name, ofThePage[0]!.FromUser, "its columns are part of the table the page's other tables document", chosen.TableName)
            : chosen;
    }

    /// <summary>
    /// Among equally strong candidates, the one whose columns fit clearly better (a tenth of the page's columns more);
    /// where the fits are close and one table's columns are all among the other's, the page's columns beyond the smaller
    /// decide; otherwise what the page says about the service decides (a link to the table, the family of the
    /// page's other tables, the service's words); where nothing decides, no match, with the two named.
    /// </summary>
    private TableMatch? Choose(List<Candidate> candidates, List<string> docs, TableEvidence evidence, IReadOnlyCollection<string> family)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var ranked = candidates
            .OrderByDescending(c => c.Fit.Coverage)
            .ThenByDescending(c => c.FromUser)
            .ThenByDescending(c => PageScore(c.Name, evidence, family))
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var best = ranked[0];
        if (ranked.Count == 1)
        {
            return new TableMatch(best.Name, best.FromUser, best.Why!, null);
        }

        var close = ranked.Where(c => c.Fit.Coverage >= best.Fit.Coverage - 0.1).ToList();
        if (close.Count > 1 && WithinAnother(close, docs) is { } settled)
        {
            return new TableMatch(settled.Name, settled.FromUser, settled.Why! + WithinAnotherReason, ranked.First(c => c != settled).Name);
        }

        if (close.Count > 1 && best.FromUser != close[1].FromUser)
        {
            // A table of the user's own schemas over the reference's.
            return new TableMatch(best.Name, best.FromUser, best.Why!, close[1].Name);
        }

        if (close.Count == 1)
        {
            // The columns decide, unless the page points to a table that fits nearly as well: then it is not for guessing.
            var pointed = ranked.Skip(1).FirstOrDefault(c => c.Fit.Coverage >= best.Fit.Coverage * 0.8 && PageScore(c.Name, evidence, family) > PageScore(best.Name, evidence, family));
            if (pointed is null)
            {
                return new TableMatch(best.Name, best.FromUser, best.Why!, ranked[1].Name);
            }

            Ambiguity = (best.Name, pointed.Name);
            return null;
        }

        // Tables the page names outright and that fit alike: only a link from their section tells them apart; the page
        // names them together because the schema is theirs together.
        var scored = close.Select(c => (Candidate: c, Score: best.Strength >= 4 ? (SectionLinks(c.Name, evidence) ? 1.0 : 0.0) : PageScore(c.Name, evidence, family)))
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Candidate.Fit.Coverage)
            .ToList();
        if (scored[0].Score > scored[1].Score)
        {
            return new TableMatch(scored[0].Candidate.Name, scored[0].Candidate.FromUser, scored[0].Candidate.Why! + ", and the page points to it", scored[1].Candidate.Name);
        }

        Ambiguity = (scored[0].Candidate.Name, scored[1].Candidate.Name);
        return null;
    }

    private const string WithinAnotherReason = ", and the page's columns decide between it and a table whose columns include the other's";

    /// <summary>
    /// Where the close candidates are two tables and one's columns are all among the other's (ACSCallRecordingIncomingOperations
    /// within ACSCallAutomationIncomingOperations, which adds OperationId and SubOperationName): the page's columns beyond
    /// the smaller table decide. None make it the smaller, since a page about the larger would show what only the larger
    /// has; all of them the larger's make it the larger. It decides nothing where the larger adds only the fields every
    /// log has (a page of <c>properties</c> fields leaves out OperationName) or where the page has columns neither has.
    /// </summary>
    private static Candidate? WithinAnother(List<Candidate> close, IReadOnlyCollection<string> docs)
    {
        if (close.Count != 2)
        {
            return null;
        }

        var (smaller, larger) = close[0].Keys.Count <= close[1].Keys.Count ? (close[0], close[1]) : (close[1], close[0]);
        if (smaller.Keys.Count == larger.Keys.Count
            || !smaller.Keys.IsSubsetOf(larger.Keys)
            || larger.Keys.All(key => smaller.Keys.Contains(key) || CommonColumns.Contains(key)))
        {
            return null;
        }

        var beyondSmaller = docs.Where(key => !Holds(smaller.Keys, key)).ToList();
        return beyondSmaller.Count == 0 ? smaller
            : beyondSmaller.All(key => Holds(larger.Keys, key)) ? larger
            : null;
    }

    private static bool SectionLinks(string name, TableEvidence evidence) =>
        evidence.LinkedTables.Any(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The two tables the last <see cref="Match"/> could not tell apart, where that is why it found none.</summary>
    public (string First, string Second)? Ambiguity { get; private set; }

    /// <summary>
    /// How much the page points to a table, beyond its columns: a link to it (section or page), the family of the tables
    /// matched on the page (<c>AZMS</c>, <c>ADF</c>), and the service's words in the page's title, first heading, file
    /// name and near the table (the table's resource types' words, <c>Kusto</c>; its own name's, <c>Blob</c>).
    /// </summary>
    private double PageScore(string name, TableEvidence evidence, IReadOnlyCollection<string> family)
    {
        var score = 0.0;
        if (evidence.LinkedTables.Concat(evidence.PageLinkedTables).Any(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase)))
        {
            score += 8;
        }

        // The family of the tables matched on the page: it tells AZMS from ADF, not one AZMS table from another.
        var token = FamilyToken(name);
        if (token.Length > 0 && family.Any(f => string.Equals(FamilyToken(f), token, StringComparison.OrdinalIgnoreCase)))
        {
            score += 4;
        }

        var pageWords = new HashSet<string>(evidence.PageWords.Concat(evidence.Words).SelectMany(w => NameWords(w).Append(w)), StringComparer.OrdinalIgnoreCase);
        foreach (var word in NameWords(name).Concat(ResourceTypeWords(name)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (pageWords.Contains(word))
            {
                score++;
            }
        }

        // A service the page never mentions (Synapse, beside Kusto's twin table) counts a little against its table.
        foreach (var word in ResourceTypeWords(name))
        {
            if (!pageWords.Contains(word))
            {
                score -= 0.1;
            }
        }

        return score;
    }

    /// <summary>The words of the resource types whose records land in a table (<c>Kusto</c>, <c>clusters</c>), without "Microsoft".</summary>
    private IReadOnlyList<string> ResourceTypeWords(string name) =>
        _reference.ResourceTypeWords.TryGetValue(name, out var words) ? words : Array.Empty<string>();

    /// <summary>The leading acronym of a table name (<c>AZMS</c> of <c>AZMSArchiveLogs</c>), else its first word (<c>Storage</c>).</summary>
    private static string FamilyToken(string name)
    {
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        if (upper >= 3 || (upper == 2 && upper == name.Length))
        {
            // "AZMSArchiveLogs": the capital before the first lower-case letter starts the next word.
            return name.Substring(0, upper < name.Length ? upper - 1 : upper);
        }

        return NameWords(name).FirstOrDefault() ?? string.Empty;
    }

    private IEnumerable<Candidate> ColumnCandidates(List<string> docs)
    {
        var counts = new Dictionary<int, int>();
        foreach (var key in docs)
        {
            if (CommonColumns.Contains(key) || !_reference.TablesByColumn.TryGetValue(key, out var tables))
            {
                continue;
            }

            foreach (var table in tables)
            {
                counts[table] = counts.TryGetValue(table, out var count) ? count + 1 : 1;
            }
        }

        foreach (var pair in counts.Where(p => p.Value >= 3))
        {
            var table = _catalog.Tables[pair.Key];
            var user = _userTables.FirstOrDefault(u => string.Equals(u.Name, table.Name, StringComparison.OrdinalIgnoreCase));
            yield return user.Name is null
                ? new Candidate(table.Name, false, _reference.TableKeys[pair.Key], Fit(docs, _reference.TableKeys[pair.Key]))
                : new Candidate(user.Name, true, user.Keys, Fit(docs, user.Keys));
        }

        foreach (var user in _userTables.Where(u => !_reference.IndexByName.ContainsKey(u.Name)))
        {
            yield return new Candidate(user.Name, true, user.Keys, Fit(docs, user.Keys));
        }
    }

    /// <summary>A table of that name: the user's schema first, then the reference's.</summary>
    private (string Name, bool FromUser, HashSet<string> Keys)? Resolve(string name)
    {
        foreach (var user in _userTables)
        {
            if (string.Equals(user.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return (user.Name, true, user.Keys);
            }
        }

        return _reference.IndexByName.TryGetValue(name, out var index)
            ? (_catalog.Tables[index].Name, false, _reference.TableKeys[index])
            : null;
    }

    private IEnumerable<string> TablesOfCategory(string category) =>
        _reference.TablesByCategory.TryGetValue(category, out var tables) ? tables : Enumerable.Empty<string>();

    private IEnumerable<string> TablesOfDisplayName(string heading)
    {
        var (sorted, joined) = DisplayKeys(heading);
        if (joined.Length < 4)
        {
            yield break;
        }

        foreach (var entry in _reference.CategoryKeys)
        {
            if (entry.Display.Sorted == sorted || entry.Name.Sorted == sorted || entry.Display.Joined == joined || entry.Name.Joined == joined)
            {
                yield return entry.Table;
            }
        }
    }

    /// <summary>
    /// A display name or heading as compared, without the words every log heading has: its words sorted ("Operational Call
    /// Automation Logs" and "Call Automation operational logs" alike), and joined in order ("DataPlaneRequests" and "data
    /// plane requests" alike).
    /// </summary>
    private static (string Sorted, string Joined) DisplayKeys(string text)
    {
        var words = Words(text.Replace('/', ' '))
            .SelectMany(NameWords)
            .Select(w => w.ToLowerInvariant())
            .Where(w => w is not ("log" or "logs" or "schema" or "schemas" or "category" or "categories" or "table" or "tables" or "the" or "for"
                or "and" or "of" or "resource" or "specific" or "attributes" or "details" or "properties" or "fields" or "elements" or "columns"
                or "reference" or "format" or "record" or "records"))
            .ToList();
        return (string.Join(" ", words.OrderBy(w => w, StringComparer.Ordinal)), string.Concat(words));
    }

    /// <summary>Whether a word can be a table's name in running text: written as names are (a capital first, no spaces).</summary>
    private static bool IsNameLike(string word) => word.Length >= 3 && char.IsUpper(word[0]);

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var part = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (part && start < 0)
            {
                start = i;
            }
            else if (!part && start >= 0)
            {
                yield return text.Substring(start, i - start);
                start = -1;
            }
        }
    }

    private static ColumnFit Fit(List<string> docs, HashSet<string> table)
    {
        int matched = 0, distinctive = 0, distinctiveDocs = 0;
        foreach (var key in docs)
        {
            var isDistinctive = !CommonColumns.Contains(key);
            distinctiveDocs += isDistinctive ? 1 : 0;
            if (Holds(table, key))
            {
                matched++;
                distinctive += isDistinctive ? 1 : 0;
            }
        }

        return new ColumnFit(docs.Count, matched, distinctiveDocs, distinctive, table.Count);
    }

    /// <summary>Whether a table has a page's column: by its name, else by the export-record alias (<c>time</c> for TimeGenerated).</summary>
    private static bool Holds(HashSet<string> table, string key) =>
        table.Contains(key) || (ColumnNames.ExportAlias(key) is { } alias && table.Contains(alias));

    /// <summary>The words of a name: <c>VMBoundPort</c> is VM, Bound, Port; <c>kustoPools</c> is kusto, Pools. "Log" and "Logs" are left out.</summary>
    private static IEnumerable<string> NameWords(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                || (char.IsUpper(name[i]) && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            var word = name.Substring(start, i - start);
            if (word.Length >= 2 && !word.Equals("Logs", StringComparison.OrdinalIgnoreCase) && !word.Equals("Log", StringComparison.OrdinalIgnoreCase))
            {
                yield return word;
            }

            start = i;
        }
    }

    /// <summary>The reference's tables as matching looks them up: by folded column, by name, by category and display name.</summary>
    private sealed class ReferenceIndex
    {
        public ReferenceIndex(AzureMonitorCatalog catalog)
        {
            TableKeys = new HashSet<string>[catalog.Tables.Count];
            for (var i = 0; i < catalog.Tables.Count; i++)
            {
                var table = catalog.Tables[i];
                IndexByName[table.Name] = i;
                TableKeys[i] = new HashSet<string>(table.Columns.Select(c => ColumnNames.Key(c.Name)), StringComparer.Ordinal);
                foreach (var key in TableKeys[i])
                {
                    if (!TablesByColumn.TryGetValue(key, out var tables))
                    {
                        TablesByColumn.Add(key, tables = new List<int>());
                    }

                    tables.Add(i);
                }

                ResourceTypeWords[table.Name] = table.Routes
                    .SelectMany(route => route.ResourceType!.Split('/', '.'))
                    .Where(part => !part.Equals("Microsoft", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(NameWords)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToArray();
            }

            foreach (var resourceType in catalog.ResourceTypes)
            {
                foreach (var entry in resourceType.Categories)
                {
                    if (entry.Table is not { } table)
                    {
                        continue;
                    }

                    if (!TablesByCategory.TryGetValue(entry.Name, out var ofCategory))
                    {
                        TablesByCategory.Add(entry.Name, ofCategory = new List<string>());
                    }

                    ofCategory.Add(table);
                    CategoryKeys.Add((DisplayKeys(entry.DisplayName), DisplayKeys(entry.Name), table));
                }
            }
        }

        public HashSet<string>[] TableKeys { get; }

        public Dictionary<string, int> IndexByName { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<int>> TablesByColumn { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string[]> ResourceTypeWords { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<string>> TablesByCategory { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<((string Sorted, string Joined) Display, (string Sorted, string Joined) Name, string Table)> CategoryKeys { get; } = new();
    }

    private sealed class Candidate(string name, bool fromUser, HashSet<string> keys, ColumnFit fit)
    {
        public string Name { get; } = name;

        public bool FromUser { get; } = fromUser;

        /// <summary>The table's column names, folded as <see cref="ColumnNames.Key"/> folds them.</summary>
        public HashSet<string> Keys { get; } = keys;

        public ColumnFit Fit { get; } = fit;

        public int Strength { get; set; }

        public string? Why { get; set; }
    }

    /// <summary>How a page's columns fit a table: how many it has, of all and of the distinctive ones, and how much of the table they cover.</summary>
    private readonly record struct ColumnFit(int Docs, int Matched, int DistinctiveDocs, int Distinctive, int TableColumns)
    {
        public double Coverage => Docs == 0 ? 0 : (double)Matched / Docs;

        /// <summary>
        /// Fits a table the evidence points to, as firmly as the evidence needs: a table the page names, most of the page's
        /// columns and one distinctive at least; a category it shows, nearly half and three distinctive; a heading that is
        /// a category's display name, or a link elsewhere on the page (the weakest hints), seven tenths and three distinctive.
        /// </summary>
        public bool FitsEvidence(int strength)
        {
            var distinctive = Distinctive >= 1 || DistinctiveDocs == 0;
            return strength switch
            {
                >= 4 => Matched >= Math.Min(2, Docs) && Coverage >= 0.5 && distinctive,
                3 => Coverage >= 0.45 && (Distinctive >= 3 || (DistinctiveDocs > 0 && Distinctive == DistinctiveDocs)),
                _ => Coverage >= 0.7 && Distinctive >= 3,
            };
        }

        /// <summary>Fits with nothing else to go by: many distinctive columns, nearly all of them the table's.</summary>
        public bool FitsAlone => Distinctive >= 3 && DistinctiveDocs > 0 && (double)Distinctive / DistinctiveDocs >= 0.75 && Coverage >= 0.75;
    }
}
