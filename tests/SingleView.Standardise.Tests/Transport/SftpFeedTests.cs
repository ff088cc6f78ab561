using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Tests.Shared;

namespace SingleView.Standardise.Tests.Transport;

/// <summary>An SFTP feed end to end against a real sshd: pulled, landed in the raw zone, standardised.</summary>
public class SftpFeedTests
{
    private TestSshd server = null!;
    private Fixtures fixtures = null!;

    [SetUp]
    public void SetUp()
    {
        server = TestSshd.Start();
        fixtures = new Fixtures();
    }

    [TearDown]
    public void TearDown()
    {
        server.Dispose();
        fixtures.Dispose();
    }

    [Test]
    public async Task ProcessAsync_SftpFeed_PulledFileGoesThroughTheLakeLikeADroppedOne()
    {
        File.WriteAllText(Path.Combine(server.RemoteFolder, "lcs_20261120.csv"), Fixtures.Csv(Fixtures.Rows(3)));

        var feed = await fixtures.ProcessAsync(Definition());

        feed.Coverage.State.ShouldBe(FeedState.Current);
        feed.Records.Count.ShouldBe(3);
        fixtures.Lake.LatestRawDelivery("lcs").ShouldNotBeNull().Manifest.Rows.ShouldBe(3);
        File.Exists(fixtures.Lake.StandardisedPath("lcs", new DateOnly(2026, 11, 20), "lcs_20261120.csv")).ShouldBeTrue();
    }

    [Test]
    public async Task ProcessAsync_SftpFeedWithRemove_FileIsRemovedFromTheServerOnceLanded()
    {
        var remote = Path.Combine(server.RemoteFolder, "lcs_20261120.csv");
        File.WriteAllText(remote, Fixtures.Csv(Fixtures.Rows(3)));

        await fixtures.ProcessAsync(Definition("after_landing: remove"));

        File.Exists(remote).ShouldBeFalse();
        fixtures.Lake.LatestRawDelivery("lcs").ShouldNotBeNull();
    }

    [Test]
    public async Task RunAsync_SftpFeedWithUnknownHostKey_IsHeldWithTheReasonAndOtherFeedsGoOn()
    {
        File.WriteAllText(Path.Combine(server.RemoteFolder, "lcs_20261120.csv"), Fixtures.Csv(Fixtures.Rows(3)));
        var emptyKnownHosts = Path.Combine(fixtures.Path, "known_hosts");
        File.WriteAllText(emptyKnownHosts, string.Empty);
        fixtures.Drop("ehm_20261120.csv", Fixtures.Csv(Fixtures.Rows(2)), feed: "ehm");
        var stage = new IngestStage(fixtures.Processor, NullLogger<IngestStage>.Instance);

        var feeds = await stage.RunAsync([Definition($"known_hosts_file: \"{emptyKnownHosts}\""), Fixtures.Definition(feed: "ehm")], fixtures.DropRoot, CancellationToken.None);

        feeds[0].Coverage.State.ShouldBe(FeedState.Held);
        feeds[0].Coverage.Message.ShouldBe($"ingest failed: host key for 127.0.0.1:{server.Port} is not in {emptyKnownHosts}");
        feeds[1].Coverage.State.ShouldBe(FeedState.Current);
    }

    // The fixture's feed with an SFTP transport; a setting given in extra replaces the default one.
    private FeedDefinition Definition(string extra = "")
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = "sftp",
            ["host"] = "127.0.0.1",
            ["port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["user"] = TestSshd.User,
            ["private_key_file"] = $"\"{server.ClientKeyFile}\"",
            ["known_hosts_file"] = $"\"{server.KnownHostsFile}\"",
            ["remote_folder"] = $"\"{server.RemoteFolder}\"",
            ["file_pattern"] = "\"lcs_*.csv\"",
            ["retry"] = "{ max_retries: 1, base_delay_seconds: 0.05 }",
        };
        if (extra.Length > 0)
        {
            var colon = extra.IndexOf(':', StringComparison.Ordinal);
            settings[extra[..colon]] = extra[(colon + 1)..].Trim();
        }

        return Fixtures.Definition(transport: string.Join("\n", settings.Select(kv => $"  {kv.Key}: {kv.Value}")));
    }
}
