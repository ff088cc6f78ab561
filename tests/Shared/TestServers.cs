namespace SingleView.Tests.Shared;

/// <summary>
/// Servers the integration tests run against, started by test.sh. Where one is missing a test is
/// skipped locally, but fails when SINGLEVIEW_REQUIRE_SERVERS=1 (as .ci/run sets), so CI cannot go
/// green without having run it.
/// </summary>
internal static class TestServers
{
    public static string PostgreSqlConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable("SINGLEVIEW_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(connectionString)) return connectionString;
        const string message = "PostgreSQL is not available: SINGLEVIEW_TEST_POSTGRES is not set (run ./test.sh, which starts it)";
        if (Environment.GetEnvironmentVariable("SINGLEVIEW_REQUIRE_SERVERS") == "1") Assert.Fail(message);
        Assert.Ignore(message);
        return string.Empty;
    }
}
