namespace SingleView.Tests.Shared;

/// <summary>
/// The real Postfix on 127.0.0.1 that scripts/start-postfix.sh starts (loopback only, every test domain
/// delivered into one Maildir). Missing: skipped locally, a failure when SINGLEVIEW_REQUIRE_SERVERS=1.
/// </summary>
internal static class TestPostfix
{
    /// <summary>host:port of the SMTP server, e.g. 127.0.0.1:25.</summary>
    public static (string Host, int Port) Smtp()
    {
        var value = Environment.GetEnvironmentVariable("SINGLEVIEW_TEST_SMTP");
        if (string.IsNullOrWhiteSpace(value)) Unavailable("SINGLEVIEW_TEST_SMTP is not set");
        var colon = value!.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], out var port) ? (value[..colon], port) : (value, 25);
    }

    /// <summary>The Maildir the catch-all delivers to (its new/ folder holds one file per message).</summary>
    public static string Maildir()
    {
        var value = Environment.GetEnvironmentVariable("SINGLEVIEW_TEST_MAILDIR");
        if (string.IsNullOrWhiteSpace(value) || !Directory.Exists(value)) Unavailable("SINGLEVIEW_TEST_MAILDIR is not set or missing");
        return value!;
    }

    private static void Unavailable(string reason)
    {
        var message = $"Postfix is not available: {reason} (run ./test.sh, which starts it with scripts/start-postfix.sh)";
        if (Environment.GetEnvironmentVariable("SINGLEVIEW_REQUIRE_SERVERS") == "1") Assert.Fail(message);
        Assert.Ignore(message);
    }
}
