using System;
using System.Collections.Generic;
using CallLogGen.Model;

namespace CallLogGen.Schema.Json;

/// <summary>
/// The Azure Monitor Log Analytics Tables REST API (Microsoft.OperationalInsights/workspaces/tables):
/// a table resource <c>{"name", "properties": {"schema": {"name", "description", "standardColumns", "columns"}}}</c>,
/// a list of them (<c>{"value": [...]}</c>), or an API example from azure-rest-api-specs, which wraps the
/// request in <c>parameters</c> and the responses in <c>responses.&lt;status&gt;.body</c>.
/// </summary>
/// <remarks>
/// <para>Columns: <c>standardColumns</c> first, then <c>columns</c> (the custom ones follow the built-in
/// ones, as Log Analytics lists them). <c>isHidden</c> is ignored: a hidden column is still a column.
/// <c>displayName</c> is not a description and is ignored; a null description reads as none.</para>
/// <para>Request and response: in an example, a response body describes the whole table as it is after the
/// call, while a request body only carries the columns being added or changed. So a table described by a
/// response is read from the first response that describes it (in document order), and the request body is
/// read only for tables that no response describes (an example whose only response is 202 Accepted,
/// say). Each table is returned once; table names compare ignoring case, as Azure resource names do.</para>
/// <para>The table name is <c>properties.schema.name</c>, else the resource's <c>name</c>, else (for a
/// request body) the example's <c>tableName</c> parameter. A schema with none of them is skipped.</para>
/// </remarks>
internal static class TablesApi
{
    /// <summary>
    /// The tables described, each read once; null when the JSON describes none (it is not this format).
    /// A table without columns is CLG1016 and left out.
    /// </summary>
    public static List<SourceTable>? Read(JsonSchemaReader.ReadContext context, JsonObject root)
    {
        var found = new List<Candidate>();
        Collect(root, null, found);

        if (root.GetIgnoreCase("responses") is JsonObject responses)
        {
            foreach (var response in responses.Members)
            {
                if (response.Value is JsonObject responseObject && responseObject.GetIgnoreCase("body") is JsonObject body)
                {
                    Collect(body, null, found);
                }
            }
        }

        if (root.GetIgnoreCase("parameters") is JsonObject parameters)
        {
            var pathTableName = parameters.GetIgnoreCase("tableName") as JsonString;
            var requested = new List<Candidate>();
            foreach (var parameter in parameters.Members)
            {
                if (parameter.Value is JsonObject requestBody)
                {
                    Collect(requestBody, pathTableName, requested);
                }
            }

            found.AddRange(requested);
        }

        if (found.Count == 0)
        {
            return null;
        }

        var tables = new List<SourceTable>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in found)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!names.Add(candidate.Name.Value))
            {
                continue;
            }

            var schema = candidate.Schema;
            var table = context.ReadTable(
                candidate.Name.Value,
                candidate.Name,
                schema.GetIgnoreCase("description"),
                schema,
                JsonSchemaReader.TablesApiColumn,
                schema.GetIgnoreCase("standardColumns") as JsonArray,
                schema.GetIgnoreCase("columns") as JsonArray);
            if (table is not null)
            {
                tables.Add(table);
            }
        }

        return tables;
    }

    private static void Collect(JsonObject resource, JsonString? fallbackName, List<Candidate> into)
    {
        if (resource.GetIgnoreCase("properties") is JsonObject properties && properties.GetIgnoreCase("schema") is JsonObject schema)
        {
            var name = NonEmpty(schema.GetIgnoreCase("name")) ?? NonEmpty(resource.GetIgnoreCase("name")) ?? NonEmpty(fallbackName);
            if (name is not null)
            {
                into.Add(new Candidate(name, schema));
            }

            return;
        }

        if (resource.GetIgnoreCase("value") is JsonArray list)
        {
            foreach (var item in list.Items)
            {
                if (item is JsonObject itemObject &&
                    itemObject.GetIgnoreCase("properties") is JsonObject itemProperties &&
                    itemProperties.GetIgnoreCase("schema") is JsonObject)
                {
                    Collect(itemObject, null, into);
                }
            }
        }
    }

    private static JsonString? NonEmpty(JsonNode? node) => node is JsonString { Value.Length: > 0 } s ? s : null;

    private sealed class Candidate
    {
        public Candidate(JsonString name, JsonObject schema)
        {
            Name = name;
            Schema = schema;
        }

        public JsonString Name { get; }

        public JsonObject Schema { get; }
    }
}
