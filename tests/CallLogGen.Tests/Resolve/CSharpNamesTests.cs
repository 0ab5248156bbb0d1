using CallLogGen.Resolve;

namespace CallLogGen.Tests.Resolve;

public class CSharpNamesTests
{
    [Theory]
    [InlineData("URI", "Uri")]
    [InlineData("SDKVersion", "SdkVersion")]
    [InlineData("CorrelationID", "CorrelationId")]
    [InlineData("Correlation ID", "CorrelationId")]
    [InlineData("_BilledSize", "BilledSize")]
    [InlineData("_ResourceId", "ResourceId")]
    [InlineData("Operation Name", "OperationName")]
    [InlineData("callerIpAddress", "CallerIpAddress")]
    [InlineData("l4.TCP.destination_port", "L4TcpDestinationPort")]
    [InlineData("httpStatusCode_d", "HttpStatusCodeD")]
    [InlineData("IP", "IP")]
    [InlineData("time", "Time")]
    [InlineData("4xxErrors", "_4xxErrors")]
    [InlineData("ResultCategory ", "ResultCategory")]
    public void Names_follow_dotnet_conventions(string columnName, string expected) =>
        Assert.Equal(expected, CSharpNames.ToPascalCase(columnName));

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("` `")]
    public void A_name_without_letters_or_digits_has_no_csharp_name(string columnName) =>
        Assert.Null(CSharpNames.ToPascalCase(columnName));

    [Theory]
    [InlineData("Valid", true)]
    [InlineData("class", false)]
    [InlineData("has space", false)]
    [InlineData("9lives", false)]
    public void Chosen_names_must_be_usable_identifiers(string name, bool usable) =>
        Assert.Equal(usable, CSharpNames.IsUsableIdentifier(name));
}
