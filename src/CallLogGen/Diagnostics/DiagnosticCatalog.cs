using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CallLogGen.Model;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Diagnostics;

/// <summary>
/// Every diagnostic CallLogGen reports, in one place. Ids are grouped by area: CLG1xxx schema files,
/// CLG2xxx generated models, CLG3xxx queries. Each message starts with the schema file's
/// <c>path(line,column)</c>, because IDEs show locations in additional files poorly.
/// </summary>
internal static class DiagnosticCatalog
{
    public const string SchemaCategory = "CallLogGen.Schema";
    public const string CompatibilityCategory = "CallLogGen.Compatibility";
    public const string ModelCategory = "CallLogGen.Models";
    public const string QueryCategory = "CallLogGen.Queries";

    private const string HelpLinkBase = "https://github.com/callloggen/callloggen/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor InvalidJson = Schema(
        "CLG1001", "Schema file is not valid JSON",
        "{0}: the file is not valid JSON: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownJsonFormat = Schema(
        "CLG1002", "JSON file is not a schema CallLogGen knows",
        "{0}: the JSON is none of the schema formats CallLogGen reads (Azure Monitor Tables API, Sentinel custom table, Kusto table schema, CallLogGen table options); the file is ignored", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnreadableColumn = Schema(
        "CLG1003", "Schema row cannot be read as a column",
        "{0}: the row of table '{1}' cannot be read as a column: {2}; the row is skipped", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateColumn = Schema(
        "CLG1004", "Duplicate column",
        "{0}: table '{1}' already has a column '{2}' (at {3}); this one is skipped", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateTypeName = Schema(
        "CLG1005", "Two tables get the same C# name",
        "{0}: table '{1}' would generate type '{2}', which table '{3}' at {4} already generates in the same namespace; it is generated as '{5}' instead. To choose its name, set a typeName in the table options: {{ \"tableName\": \"{1}\", \"typeName\": \"...\" }}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownType = Schema(
        "CLG1006", "Unknown column type",
        "{0}: column '{1}' has the type '{2}', which is not a KQL type (" + KqlTypes.NameList + "); the column is generated as string", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidName = Schema(
        "CLG1007", "Name cannot become a C# identifier",
        "{0}: '{1}' has no letter or digit to build a C# name from; it is skipped", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotALogSchema = Schema(
        "CLG1008", "Table is not a log schema",
        "{0}: table '{1}' has a type column whose cells are not column types ('{2}'); it is not generated", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingInclude = Schema(
        "CLG1009", "Included file not found",
        "{0}: the included file '{1}' is not among the schema files; its tables are not generated", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor TypeInferred = Schema(
        "CLG1010", "Column type inferred",
        "{0}: column '{1}' has no type in the document; inferred {2} ({3})", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OptionsUnknownColumn = Schema(
        "CLG1011", "Table options name a column that does not exist",
        "{0}: the table options for '{1}' name the column '{2}', which the table does not have", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OptionsUnknownTable = Schema(
        "CLG1012", "Table options match no table",
        "{0}: the table options for '{1}' match no table in the schema files ({2})", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaDrift = Schema(
        "CLG1013", "Documentation and your table schema disagree",
        "{0}: table '{1}': {2}; the table schema wins (settle it in the table options: rename, drop, add, type or acceptUndocumentedColumns)", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidOptions = Schema(
        "CLG1014", "Invalid table options",
        "{0}: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownStandardColumn = Schema(
        "CLG1015", "Unknown standard column",
        "{0}: '{1}' is not an Azure Monitor standard column (known: {2})", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyTable = Schema(
        "CLG1016", "Table has no columns",
        "{0}: table '{1}' has no column that could be read; it is not generated", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoTables = Schema(
        "CLG1017", "Schema file has no tables",
        "{0}: no log schema table was found in this markdown file or the files it includes; nothing is generated from it", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PathologicalLine = Schema(
        "CLG1018", "Line skipped: no table row looks like it",
        "{0}: the line has {1} '|' characters, more than any table row ({2}); it is skipped so that reading the file stays fast", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownCatalogTable = Schema(
        "CLG1019", "Unknown Azure Monitor table",
        "{0}: the project names table '{1}' (CallLogGenTable), which the Azure Monitor table reference (2024-09) built into CallLogGen does not have (nearest: {2}); check the spelling, or give the table's schema file in schemas/", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CatalogColumnsReplaced = Schema(
        "CLG1020", "Schema file replaces the reference's columns",
        "{0}: table '{1}' takes its columns from this schema file, not from the Azure Monitor table reference (2024-09), which also lists {2}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocsTableMatched = Schema(
        "CLG1021", "Docs table matched to a real table",
        "{0}: the docs table '{1}' is the Log Analytics table '{2}': {3}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocsTableMatchedClosely = Schema(
        "CLG1022", "Docs table matched to a real table, closely",
        "{0}: the docs table '{1}' is taken as the Log Analytics table '{2}' ({3}), but '{4}' fits nearly as well; if that is the one, say so in the table options: {{ \"tableName\": \"{4}\", \"source\": {{ \"table\": \"{1}\" }} }}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocsDriftFromReference = Schema(
        "CLG1023", "Documentation and the Azure Monitor reference disagree",
        "{0}: table '{1}': {2}; the reference wins (settle it in the table options to silence this)", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocsTableUnmatched = Schema(
        "CLG1024", "Docs table matches no known table",
        "{0}: the docs table '{1}' matches no table of your schemas or of the Azure Monitor table reference (2024-09){2}; it is generated as the page describes it, and its KQL name, '{1}', comes from the page. If it is a real table, name it in the table options: {{ \"tableName\": \"...\", \"source\": {{ \"table\": \"{1}\" }} }}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor TableOnSeveralPages = Schema(
        "CLG1025", "One table from several docs tables",
        "{0}: table '{1}' is documented by several docs tables ({2}); they make one model, with the descriptions of the first that has one", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NoSchemaFiles = Schema(
        "CLG1026", "No schema file found",
        "{0}: CallLogGen read no schema file and no table is named in the project file, so it generates nothing; it looked for {1}. Put Azure docs pages or table schemas there, set CallLogGenSchemaFiles, or name tables with <CallLogGenTable Include=\"...\" />", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor BuildSummary = Schema(
        "CLG1030", "Build summary: the types a schema file generated",
        "{0}: generated {1} in {2}: {3}", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor BreakingChangeFromLock = Schema(
        "CLG1031", "Column changed since the lock file",
        "{0}: table '{1}': {2} since {3} was written; code that reads or queries the column breaks. If the change is meant, run `callloggen lock` to accept it.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LockedTableGone = Schema(
        "CLG1032", "Locked table no longer generated",
        "{0}: table '{1}' is in the lock file, but no schema file gives it any more; code that reads or queries it breaks. If the change is meant, run `callloggen lock` to accept it.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ObsoleteRequiredColumn = Schema(
        "CLG1033", "A required column cannot be obsolete",
        "{0}: column '{1}' of table '{2}' is required, so it cannot be obsolete: every record has it and code that creates records must set it; it is generated without [Obsolete]. Make it optional (\"required\": false) or remove \"obsolete\".", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidLockFile = Schema(
        "CLG1034", "Lock file cannot be read",
        "{0}: the lock file cannot be read: {1}; what cannot be read is not compared until `callloggen lock` writes the file again", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedLanguageVersion = Rule(
        "CLG1100", "C# 10 or later required",
        "CallLogGen generates C# 10 code, but this project compiles as C# {0}; set <LangVersion> to 10 or later. Nothing is generated.",
        CompatibilityCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidNamespace = Rule(
        "CLG1101", "CallLogGenNamespace is not a C# namespace",
        "The MSBuild property CallLogGenNamespace is '{0}', which is not a C# namespace; the models are generated in '{1}' instead",
        CompatibilityCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingRequiredColumn = Rule(
        "CLG2001", "Record created without a required column",
        "This {0} record needs {1}, which this creation leaves out: {2}",
        ModelCategory, DiagnosticSeverity.Error, description: "Every record of the table carries these columns; a record without them is rejected by ingestion or breaks queries that rely on them.");

    /// <summary>The property of a CLG2001 diagnostic that lists the missing columns' property names, comma separated, for its code fix.</summary>
    public const string MissingColumnsProperty = "Missing";

    public static readonly DiagnosticDescriptor RequiredColumnSetToNothing = Rule(
        "CLG2002", "Required column set to null, default or an empty string",
        "Column '{0}' of {1} is required ({2}), but is set to {3}",
        ModelCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor QueryResultLacksRequiredColumn = Rule(
        "CLG2003", "Query result read into a model lacks a required column",
        "The query's result cannot be read into {0}: it does not return the required {1}; {2} throws. Keep the column in the query, or read a result of another shape with KqlResultTable.Read(query, body).",
        ModelCategory, DiagnosticSeverity.Error, description: "ReadQueryResult(query, ...) and RequireResultColumns(query) check, before reading, that the typed query returns every required column of the model, by KQL name and type, and throw InvalidOperationException naming those it does not. A column is lost where an operator (Project, Distinct, Summarize, MakeSeries, ProjectAway) drops it, or retyped where Extend, Project or MakeSeries makes a column of that name with another type.");

    public static readonly DiagnosticDescriptor RawKqlFromNonConstantText = Rule(
        "CLG3001", "Raw KQL built from non-constant text",
        "AppendRawOperator gets text that is not a compile-time constant ({0}); a value in it can change the query (KQL injection). Use the typed operators, which escape every value.",
        QueryCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor QueryWithoutTimeFilter = Rule(
        "CLG3002", "Query without a time filter",
        "This query over {0} has no filter on TimeGenerated, so Log Analytics scans the table's whole retention (slow and costly); add InTimeRange(from, to) or InLast(span)",
        QueryCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor QueryUsesDroppedColumn = Rule(
        "CLG3003", "Query uses a column an earlier operator dropped",
        "{1} reads column '{0}', which the {2} before it in this query dropped; building the query throws. Keep '{0}' in {2}, or use it before {2}.",
        QueryCategory, DiagnosticSeverity.Error, description: "Project, Distinct, Summarize and MakeSeries keep only the columns they list or make, and ProjectAway drops its columns; a later operator cannot read a dropped column. The query builder checks this when each operator is applied and throws InvalidOperationException.");

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        InvalidJson, UnknownJsonFormat, UnreadableColumn, DuplicateColumn, DuplicateTypeName, UnknownType,
        InvalidName, NotALogSchema, MissingInclude, TypeInferred, OptionsUnknownColumn, OptionsUnknownTable,
        SchemaDrift, InvalidOptions, UnknownStandardColumn, EmptyTable, NoTables, PathologicalLine, UnknownCatalogTable, CatalogColumnsReplaced,
        DocsTableMatched, DocsTableMatchedClosely, DocsDriftFromReference, DocsTableUnmatched, TableOnSeveralPages, NoSchemaFiles, BuildSummary,
        BreakingChangeFromLock, LockedTableGone, ObsoleteRequiredColumn, InvalidLockFile,
        UnsupportedLanguageVersion, InvalidNamespace,
        MissingRequiredColumn, RequiredColumnSetToNothing, QueryResultLacksRequiredColumn, RawKqlFromNonConstantText, QueryWithoutTimeFilter,
        QueryUsesDroppedColumn);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Schema(string id, string title, string message, DiagnosticSeverity severity) =>
        Rule(id, title, message, SchemaCategory, severity);

    // Every rule is on by default and links to its page, docs/diagnostics/<id>.md.
    private static DiagnosticDescriptor Rule(string id, string title, string message, string category, DiagnosticSeverity severity, string? description = null) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
