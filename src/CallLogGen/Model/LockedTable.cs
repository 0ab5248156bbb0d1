namespace CallLogGen.Model;

/// <summary>A column as the lock file recorded it: its Log Analytics name and KQL type.</summary>
internal readonly record struct LockedColumn(string Name, KqlType Type);

/// <summary>
/// One table as the lock file recorded it. This small record is all of the lock that a table's build sees
/// (<see cref="TableGroupInput.Lock"/>), so an edit to another table's entry rebuilds nothing here.
/// </summary>
internal sealed record LockedTable(string Name, EquatableArray<LockedColumn> Columns);

/// <summary>A table of the lock file and where its entry stands (for a table that is no longer generated).</summary>
internal sealed record LockedTableEntry(LockedTable Table, SourceSpan Location);

/// <summary>
/// What the lock files among the additional files say (<c>callloggen.lock.json</c>): every table they lock, and the
/// problems reading them. <see cref="None"/> where the project has no lock file: nothing is then compared.
/// </summary>
internal sealed record LockSnapshot(EquatableArray<LockedTableEntry> Tables, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly LockSnapshot None = new(EquatableArray<LockedTableEntry>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>The locked table of this Log Analytics name (exact spelling first, then any case); null if none.</summary>
    public LockedTable? Find(string tableName)
    {
        LockedTable? caseless = null;
        foreach (var entry in Tables)
        {
            if (entry.Table.Name == tableName)
            {
                return entry.Table;
            }

            if (caseless is null && string.Equals(entry.Table.Name, tableName, System.StringComparison.OrdinalIgnoreCase))
            {
                caseless = entry.Table;
            }
        }

        return caseless;
    }
}
