using SingleView.Ingest.Transport.Sftp;
using SingleView.Tests.Shared;

namespace SingleView.Ingest.Tests.Transport.Sftp;

/// <summary>Pulls from a real sshd on 127.0.0.1 with OpenSSH's sftp client.</summary>
public class SftpTransportTests
{
    private TestSshd server = null!;
    private TemporaryFolder folder = null!;
    private RecordingLogger logger = null!;
    private SftpTransport transport = null!;

    private string DropFolder => folder.Combine("drop", "lcs");

    [SetUp]
    public void SetUp()
    {
        server = TestSshd.Start();
        folder = new TemporaryFolder();
        logger = new RecordingLogger();
        transport = new SftpTransport(TimeProvider.System, logger);
    }

    [TearDown]
    public void TearDown()
    {
        server.Dispose();
        folder.Dispose();
    }

    [Test]
    public async Task PullAsync_MatchingFileOnServer_IsDownloadedWhole()
    {
        var remote = PutOnServer("lcs_20261120.csv", "PersonID,Forename,Surname\r\n1,Ann,Smith\r\n");

        var pulled = await transport.PullAsync(SftpFeeds.Definition(server), DropFolder, CancellationToken.None);

        pulled.ShouldHaveSingleItem().Downloaded.ShouldBeTrue();
        File.ReadAllBytes(Path.Combine(DropFolder, "lcs_20261120.csv")).ShouldBe(File.ReadAllBytes(remote));
    }

    [Test]
    public async Task PullAsync_ByDefault_LeavesTheFileOnTheServer()
    {
        var remote = PutOnServer("lcs_20261120.csv", "PersonID\r\n1\r\n");

        var pulled = await transport.PullAsync(SftpFeeds.Definition(server), DropFolder, CancellationToken.None);
        await transport.AfterLandingAsync(SftpFeeds.Definition(server), pulled, CancellationToken.None);

        File.Exists(remote).ShouldBeTrue();
    }

    [Test]
    public async Task PullAsync_FileNotMatchingThePattern_IsNotDownloaded()
    {
        PutOnServer("readme.txt", "not a delivery");

        var pulled = await transport.PullAsync(SftpFeeds.Definition(server), DropFolder, CancellationToken.None);

        pulled.ShouldBeEmpty();
        Directory.EnumerateFiles(DropFolder).ShouldBeEmpty();
    }

    [Test]
    public async Task PullAsync_FileAlreadyPulledWithTheSameSize_IsNotDownloadedAgain()
    {
        PutOnServer("lcs_20261120.csv", "PersonID\r\n1\r\n");
        await transport.PullAsync(SftpFeeds.Definition(server), DropFolder, CancellationToken.None);

        var second = await transport.PullAsync(SftpFeeds.Definition(server), DropFolder, CancellationToken.None);

        second.ShouldHaveSingleItem().Downloaded.ShouldBeFalse();
    }

    [Test]
    public async Task PullAsync_HostKeyNotInKnownHosts_IsRefusedAtOnceNamingTheFile()
    {
        PutOnServer("lcs_20261120.csv", "PersonID\r\n1\r\n");
        var emptyKnownHosts = folder.Write("empty_known_hosts", string.Empty);

        var failure = await Should.ThrowAsync<SftpException>(() =>
            transport.PullAsync(SftpFeeds.Definition(server, knownHosts: emptyKnownHosts), DropFolder, CancellationToken.None));

        failure.Kind.ShouldBe(SftpFailureKind.HostKeyUnknown);
        failure.Message.ShouldBe($"host key for 127.0.0.1:{server.Port} is not in {emptyKnownHosts}");
        logger.Retries.ShouldBeEmpty();
    }

    [Test]
    public async Task PullAsync_HostKeyDiffersFromKnownHosts_IsRefusedAtOnceAsChanged()
    {
        var otherHostKey = server.NewKey("impostor");
        var knownHosts = server.KnownHostsWith(otherHostKey + ".pub", "impostor_known_hosts");

        var failure = await Should.ThrowAsync<SftpException>(() =>
            transport.PullAsync(SftpFeeds.Definition(server, knownHosts: knownHosts), DropFolder, CancellationToken.None));

        failure.Kind.ShouldBe(SftpFailureKind.HostKeyChanged);
        failure.Message.ShouldStartWith($"host key for 127.0.0.1:{server.Port} has changed");
        logger.Retries.ShouldBeEmpty();
    }

    [Test]
    public async Task PullAsync_ClientKeyNotAuthorised_IsRefusedAtOnce()
    {
        var unknownKey = server.NewKey("stranger");

        var failure = await Should.ThrowAsync<SftpException>(() =>
            transport.PullAsync(SftpFeeds.Definition(server, key: unknownKey), DropFolder, CancellationToken.None));

        failure.Kind.ShouldBe(SftpFailureKind.KeyRefused);
        failure.Message.ShouldBe($"127.0.0.1:{server.Port} refused the key {unknownKey} for user {TestSshd.User}");
        logger.Retries.ShouldBeEmpty();
    }

    [Test]
    public async Task PullAsync_ServerNotListening_IsRetriedThenFailsAsTransient()
    {
        server.Stop();

        var failure = await Should.ThrowAsync<SftpException>(() =>
            transport.PullAsync(SftpFeeds.Definition(server, maxRetries: 2), DropFolder, CancellationToken.None));

        failure.Kind.ShouldBe(SftpFailureKind.Transient);
        failure.Message.ShouldContain("Connection refused");
        logger.Retries.Count().ShouldBe(2);
    }

    [Test]
    public async Task PullAsync_ServerStoppedMidTransferThenRestarted_IsRetriedAndTheWholeFileLands()
    {
        var remote = PutBigFileOnServer("lcs_20261120.csv", megabytes: 24);
        // 64 Mbit/s: the 24 MB file takes about 3 s, long enough to cut it off part way.
        var definition = SftpFeeds.Definition(server, extra: string.Empty, maxRetries: 6, baseDelaySeconds: 0.5) with { };
        definition = definition with { Transport = definition.Transport with { Sftp = definition.Transport.Sftp! with { BandwidthLimitKbps = 64_000 } } };

        var pull = transport.PullAsync(definition, DropFolder, CancellationToken.None);
        await WaitForPartialDownloadAsync();
        server.Stop();
        await Task.Delay(TimeSpan.FromSeconds(1));
        server.Resume();
        await pull;

        logger.Retries.ShouldNotBeEmpty();
        File.ReadAllBytes(Path.Combine(DropFolder, "lcs_20261120.csv")).ShouldBe(File.ReadAllBytes(remote));
        Directory.EnumerateFiles(DropFolder).ShouldHaveSingleItem();
    }

    [Test]
    public async Task PullAsync_ServerStoppedMidTransferForGood_FailsAndLeavesNoPartialFile()
    {
        PutBigFileOnServer("lcs_20261120.csv", megabytes: 24);
        var definition = SftpFeeds.Definition(server, maxRetries: 1);
        definition = definition with { Transport = definition.Transport with { Sftp = definition.Transport.Sftp! with { BandwidthLimitKbps = 64_000 } } };

        var pull = transport.PullAsync(definition, DropFolder, CancellationToken.None);
        await WaitForPartialDownloadAsync();
        server.Stop();

        (await Should.ThrowAsync<SftpException>(() => pull)).Kind.ShouldBe(SftpFailureKind.Transient);
        Directory.EnumerateFiles(DropFolder).ShouldBeEmpty();
    }

    [Test]
    public async Task AfterLandingAsync_Remove_DeletesTheFileOnTheServer()
    {
        var remote = PutOnServer("lcs_20261120.csv", "PersonID\r\n1\r\n");
        var definition = SftpFeeds.Definition(server, afterLanding: "remove");
        var pulled = await transport.PullAsync(definition, DropFolder, CancellationToken.None);

        await transport.AfterLandingAsync(definition, pulled, CancellationToken.None);

        File.Exists(remote).ShouldBeFalse();
        File.Exists(Path.Combine(DropFolder, "lcs_20261120.csv")).ShouldBeTrue();
    }

    [Test]
    public async Task AfterLandingAsync_Archive_MovesTheFileToTheArchiveFolder()
    {
        var remote = PutOnServer("lcs_20261120.csv", "PersonID\r\n1\r\n");
        Directory.CreateDirectory(Path.Combine(server.RemoteFolder, "archive"));
        var definition = SftpFeeds.Definition(server, afterLanding: "archive");
        var pulled = await transport.PullAsync(definition, DropFolder, CancellationToken.None);

        await transport.AfterLandingAsync(definition, pulled, CancellationToken.None);

        File.Exists(remote).ShouldBeFalse();
        File.ReadAllText(Path.Combine(server.RemoteFolder, "archive", "lcs_20261120.csv")).ShouldBe("PersonID\r\n1\r\n");
    }

    private string PutOnServer(string name, string content)
    {
        var path = Path.Combine(server.RemoteFolder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string PutBigFileOnServer(string name, int megabytes)
    {
        var path = Path.Combine(server.RemoteFolder, name);
        var random = new Random(7);
        var block = new byte[1024 * 1024];
        using var stream = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(block);
            stream.Write(block);
        }

        return path;
    }

    // The download is under way once its temporary file holds some bytes.
    private async Task WaitForPartialDownloadAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if (Directory.Exists(DropFolder) && Directory.EnumerateFiles(DropFolder, ".sftp-*").Any(f => new FileInfo(f).Length > 1024 * 1024)) return;
            await Task.Delay(25);
        }

        Assert.Fail("the download never started");
    }
}
