using CallLogGen.Azure.Query;
using CallLogGen.Azure.Tests.Logs;
using CallLogGen.Azure.Tests.Query.Loopback;
using static CallLogGen.Azure.Tests.Query.Loopback.QueryApi;

namespace CallLogGen.Azure.Tests.Query;

/// <summary>
/// Tokens: the loopback stand-in for the query API (the real service cannot run here) serves TLS with a
/// certificate made for the run, because Azure.Core sends bearer tokens only over https, and checks the token.
/// </summary>
public class AuthenticationTests
{
    [Fact]
    public async Task The_token_for_the_endpoints_audience_is_sent_as_a_bearer_token_over_tls()
    {
        const string audience = "https://api.loganalytics.azure.cn";
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, QueryData.Day(1).Select(QueryData.Cells))), expectedToken: "token-for-" + audience + "/.default", useTls: true);
        var options = server.ClientOptions();
        options.Audience = audience;
        var credential = new RecordingCredential();
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), credential, options);

        var result = await client.QueryAsync(AcsCallAutomationIncomingOperations.Json, AcsCallAutomationIncomingOperations.Query().InLast(TimeSpan.FromHours(1)), LogAnalyticsTimeRange.Last(TimeSpan.FromHours(1)));

        server.AssertEveryRequestFollowedTheContract();
        Assert.Single(result.Rows);
        Assert.Equal(new[] { audience + "/.default" }, credential.Scopes.Distinct());
        Assert.Equal(audience + "/.default", client.TokenScope);
    }

    [Fact]
    public async Task A_wrong_token_gets_the_documented_401()
    {
        await using var server = new LogAnalyticsStandIn(_ => Ok(Body(QueryData.OperationColumns, Array.Empty<string[]>())), expectedToken: "the-right-one", useTls: true);
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), new RecordingCredential(), server.ClientOptions());

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => client.QueryAsync(AcsCallAutomationIncomingOperations.Json, AcsCallAutomationIncomingOperations.Query(), LogAnalyticsTimeRange.All));

        Assert.Equal((401, "AuthenticationFailed"), (error.Status, error.ErrorCode));
    }

    [Theory]
    [InlineData("https://api.loganalytics.io", "https://api.loganalytics.io/.default")]
    [InlineData("https://api.loganalytics.azure.com", "https://api.loganalytics.io/.default")]
    [InlineData("https://api.loganalytics.azure.cn", "https://api.loganalytics.azure.cn/.default")]
    [InlineData("https://api.loganalytics.us", "https://api.loganalytics.us/.default")]
    [InlineData("https://logs-proxy.contoso.com:8443/la/", "https://logs-proxy.contoso.com:8443/.default")]
    public void The_token_scope_follows_the_endpoint(string endpoint, string scope)
    {
        var client = new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), new RecordingCredential(), new LogAnalyticsQueryClientOptions { Endpoint = new Uri(endpoint) });

        Assert.Equal(scope, client.TokenScope);
    }

    [Fact]
    public void Without_a_credential_no_token_is_asked_for()
    {
        Assert.Null(new LogAnalyticsQueryClient(LogAnalyticsTarget.Workspace("w"), null).TokenScope);
    }
}
