using Azure.Core;

namespace CallLogGen.Azure.Tests.Query.Loopback;

/// <summary>A credential for loopback servers: gives <c>token-for-&lt;scope&gt;</c> and records every scope asked for.</summary>
public sealed class RecordingCredential : TokenCredential
{
    public List<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken("token-for-" + requestContext.Scopes[0], DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
