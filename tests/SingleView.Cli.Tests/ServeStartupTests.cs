using System.Net;
using System.Net.Sockets;
using SingleView.Cli.Tests.Support;

namespace SingleView.Cli.Tests;

/// <summary>`serve` and `demo` refuse to start on settings they cannot serve with, in one line that says what to change.</summary>
public sealed class ServeStartupTests : CommandLineFixture
{
    [Test]
    public async Task Serve_HttpIdentityProvider_RefusedAtStartInOneLine()
    {
        var (exit, output, error) = await WithinAsync(RunAsync([.. Common, "serve", "--url", "http://127.0.0.1:0", "--jwt-authority", "http://idp.example/tenant", "--jwt-audience", "singleview"]));

        exit.ShouldNotBe(0);
        error.ShouldStartWith("error: ");
        error.ShouldContain("--jwt-authority");
        error.ShouldContain("not https");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        output.ShouldNotContain("Serving the single view");
    }

    [Test]
    public async Task Serve_PortInUse_SaysSoAndNamesTheUrlOption()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, _, error) = await WithinAsync(RunAsync([.. Common, "serve", "--demo-sign-in", "--url", url]));

        exit.ShouldNotBe(0);
        error.ShouldStartWith("error: ");
        error.ShouldContain($"{url} is already in use");
        error.ShouldContain("--url");
        error.ShouldNotContain("   at ");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    // A server that starts instead of refusing would serve until stopped: the test fails instead of waiting for it.
    private static async Task<(int Exit, string Output, string Error)> WithinAsync(Task<(int Exit, string Output, string Error)> run)
    {
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))) != run) Assert.Fail("serve started instead of refusing to");
        return await run;
    }
}
