namespace CallLogGen.Model;

/// <summary>The action a column entry takes on the document's column of that name.</summary>
internal enum ColumnAction
{
    /// <summary>Change some facts of a column the document has (name, type, required, C# name).</summary>
    Update,

    /// <summary>The document lists a column the real table does not have.</summary>
    Drop,

    /// <summary>The real table has a column the document does not list.</summary>
    Add,
}
