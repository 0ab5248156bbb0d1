using CallLogGen.Azure.Tests.Logs;

namespace CallLogGen.Azure.Tests;

public class ProjectTests
{
    [Fact]
    public void The_generated_seed_tables_are_visible_to_the_Azure_tests()
    {
        Assert.Equal("ACSCallAutomationIncomingOperations", AcsCallAutomationIncomingOperations.Schema.TableName);
    }
}
