namespace CallLogGen.Tool.Cli;

/// <summary>Input the tool cannot work with: printed as <c>callloggen: message</c>, exit code 2.</summary>
internal sealed class ToolException(string message) : Exception(message);
