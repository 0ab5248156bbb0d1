namespace CallLogGen.Tool.Cli;

/// <summary>
/// A command's arguments: positional values, <c>--name value</c> options (repeatable, or comma separated), and
/// <c>--flag</c>s. Only the names a command declares are accepted, so a misspelt option is an error, not a no-op.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positional { get; } = new();

    public bool WantsHelp => _flags.Contains("--help");

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> for an unknown name or a missing value.</summary>
    public static Arguments? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, out string? error)
    {
        var parsed = new Arguments();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                parsed._flags.Add("--help");
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                parsed.Positional.Add(arg);
                continue;
            }

            var name = arg;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            if (flags.Contains(name) && value is null)
            {
                parsed._flags.Add(name);
                continue;
            }

            if (!options.Contains(name))
            {
                var known = options.Concat(flags).Append("--help").Order(StringComparer.Ordinal);
                error = $"unknown option '{name}' (known: {string.Join(", ", known)})";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"option '{name}' needs a value";
                    return null;
                }

                value = args[++i];
            }

            if (!parsed._options.TryGetValue(name, out var values))
            {
                parsed._options.Add(name, values = new List<string>());
            }

            values.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The last value of an option, or <paramref name="fallback"/>.</summary>
    public string? Value(string name, string? fallback = null) =>
        _options.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : fallback;

    public IReadOnlyList<string> Values(string name) =>
        _options.TryGetValue(name, out var values) ? values : Array.Empty<string>();
}
