namespace CallLogGen.Model;

/// <summary>Where a docs table stands: its schema file and the one-based line its table starts on.</summary>
internal sealed record TablePlace(string Path, int Line);
