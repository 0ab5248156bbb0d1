namespace CallLogGen.Tool.Cli;

/// <summary>What every command's exit code means.</summary>
internal static class ExitCodes
{
    /// <summary>Done, and nothing breaks: no breaking change (diff, pull), no error (check).</summary>
    public const int Success = 0;

    /// <summary>Done, and the answer is no: a breaking change (diff, pull), an error in the schema files (check).</summary>
    public const int Breaking = 1;

    /// <summary>Not done: bad arguments, input that cannot be read (with its located CLG diagnostics), a failed request.</summary>
    public const int BadInput = 2;
}
