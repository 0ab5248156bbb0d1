using System;
using System.Collections.Generic;
using System.Text;
using CallLogGen.Kql;

namespace CallLogGen;

/// <summary>Writes table and column names so that KQL reads them as names, whatever they contain.</summary>
public static class KqlNames
{
    // Every identifier-shaped keyword of the Kusto parser (Kusto.Language 12.4.1, SyntaxFacts.Keywords), plus the literals
    // true and false and the function-like operator not. Tested against the parser: most of these fail as a bare column
    // name in every position (where, project, extend, summarize by, sort by, join on); a few (count, extend, join, ...)
    // pass in some positions today, but brackets are always valid, so every keyword is bracketed.
    // Keywords are case-sensitive: Project or WHERE are plain names.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "__contextual_datatable", "__crossCluster", "__crossDB", "__executeAndCache", "__id", "__isFuzzy",
        "__noWithSource", "__packedColumn", "__partitionby", "__projectAway", "__sourceColumnIndex", "access",
        "accumulate", "alias", "and", "anomalychart", "areachart", "as", "asc", "bagexpansion", "barchart",
        "best_effort", "between", "bin", "bin_legacy", "bool", "boolean", "by", "byte", "cachingpolicy", "callout",
        "cancel", "card", "char", "columnchart", "consume", "contains", "contains_cs", "containscs", "count", "cycles",
        "database", "dataexport", "dataformat", "datascope", "datatable", "date", "datetime", "datetime_pattern",
        "decimal", "declare", "decodeblocks", "default", "desc", "distinct", "double", "dynamic", "earliest", "edges",
        "encodingpolicy", "endswith", "endswith_cs", "entity_group", "evaluate", "expandoutput", "extend",
        "extent_tags_retention", "external_data", "externaldata", "facet", "false", "filter", "find", "first", "flags",
        "float", "force_remote", "fork", "from", "getschema", "graph", "guid", "harddelete", "hardretention", "has",
        "has_all", "has_any", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "hotcache", "id",
        "in", "inline_external_table", "int", "int16", "int32", "int64", "int8", "invoke", "isfuzzy", "join",
        "journal", "kind", "ladderchart", "last", "latest", "let", "like", "likecs", "limit", "linechart", "long",
        "lookup", "materialize", "mdm", "missing", "mvapply", "mvexpand", "nodes", "nooptimization", "not",
        "notcontains", "notcontainscs", "notlike", "notlikecs", "null", "nulls", "of", "on", "optional", "or", "order",
        "others", "output", "pack", "parse", "partition", "pathformat", "pattern", "piechart", "pivotchart", "plotly",
        "print", "project", "queries", "query_parameters", "query_results", "range", "real", "reduce", "regex",
        "relaxed", "render", "restrict", "restricted_view_access", "row_level_security", "rowstore",
        "rowstore_references", "rowstore_sealinfo", "rowstorepolicy", "rowstores", "sample", "scan", "scatterchart",
        "seal", "seals", "search", "serialize", "set", "shards", "simple", "softdelete", "softretention", "sort",
        "sql", "stackedareachart", "startswith", "startswith_cs", "statistics", "step", "storedqueryresultcontainers",
        "string", "summarize", "tablepurge", "take", "time", "timechart", "timeline", "timepivot", "timespan", "title",
        "to", "top", "toscalar", "totable", "treemap", "true", "typeof", "uint", "uint16", "uint32", "uint64", "uint8",
        "ulong", "union", "uniqueid", "unrestrictedviewers", "uuid", "verbose", "view", "viewers", "views", "where",
        "with", "with_itemindex", "with_match_id", "with_node_id", "with_source", "with_step_name", "withsource",
        "writeaheadlog",
    };

    /// <summary>
    /// Returns <paramref name="name"/> as is when it is a plain identifier (ASCII letters, digits and underscores, not
    /// starting with a digit, not a KQL keyword), else bracketed and quoted with the escapes of
    /// <see cref="KqlLiteral.Render(string)"/>: <c>['Operation Name']</c>, <c>['where']</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty: KQL has no empty name.</exception>
    public static string Bracket(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Length == 0)
        {
            throw new ArgumentException("KQL has no empty name.", nameof(name));
        }

        if (IsPlainIdentifier(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 6).Append("['");
        KqlLiteral.AppendEscaped(builder, name);
        return builder.Append("']").ToString();
    }

    /// <summary>True when <paramref name="name"/> is a KQL keyword that must be bracketed as a name.</summary>
    public static bool IsKeyword(string name) => name is not null && Keywords.Contains(name);

    private static bool IsPlainIdentifier(string name)
    {
        if (char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return !Keywords.Contains(name);
    }
}
