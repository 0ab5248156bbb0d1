using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace CallLogGen.Tool.Cli;

/// <summary>Where a command writes, which folder it runs in, and what it uses from outside (credentials, HTTP).</summary>
internal sealed record ToolContext(TextWriter Out, TextWriter Error, string WorkingDirectory, ToolServices Services)
{
    /// <summary>A path given on the command line, made absolute against the working directory.</summary>
    public string FullPath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}

/// <summary>
/// What <c>pull</c> needs from outside: a credential (<see cref="DefaultAzureCredential"/> unless told otherwise) and,
/// for tests, the HTTP transport (a loopback server's certificate is trusted through it).
/// </summary>
internal sealed record ToolServices(Func<TokenCredential> Credential, HttpPipelineTransport? Transport)
{
    public static ToolServices Default { get; } = new(() => new DefaultAzureCredential(), Transport: null);
}
