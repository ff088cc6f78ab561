using SingleView.Core.Configuration;
using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Tests.Definitions;

public class SftpDefinitionTests
{
    private const string Minimal = """
        kind: sftp
          host: sftp.partner.example
          user: anytown
          private_key_file: keys/lcs_ed25519
          known_hosts_file: /etc/singleview/known_hosts
          remote_folder: /outbound
        """;

    [Test]
    public void Parse_MinimalSftpTransport_TakesTheStatedDefaults()
    {
        var sftp = Parse(Minimal).Transport.Sftp.ShouldNotBeNull();

        sftp.Port.ShouldBe(22);
        sftp.AfterLanding.ShouldBe(AfterLanding.Leave);
        sftp.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        sftp.TransferTimeout.ShouldBe(TimeSpan.FromMinutes(60));
        sftp.Retry.ShouldBe(new SftpRetry(4, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2)));
        sftp.BandwidthLimitKbps.ShouldBeNull();
    }

    [Test]
    public void Parse_RelativeKeyFile_IsTakenFromTheDefinitionFilesFolder()
    {
        var sftp = Parse(Minimal, file: "/srv/pipelines/lcs.yaml").Transport.Sftp.ShouldNotBeNull();

        sftp.PrivateKeyFile.ShouldBe("/srv/pipelines/keys/lcs_ed25519");
        sftp.KnownHostsFile.ShouldBe("/etc/singleview/known_hosts");
    }

    [Test]
    public void Parse_DropFolderTransport_HasNoSftpSource()
    {
        Parse("kind: drop_folder").Transport.Sftp.ShouldBeNull();
    }

    [TestCase("host: sftp.partner.example", "host: ''", "transport.host", "is required")]
    [TestCase("host: sftp.partner.example", "host: -oProxyCommand=x", "transport.host", "is not a host name")]
    [TestCase("user: anytown", "user: ''", "transport.user", "is required")]
    [TestCase("remote_folder: /outbound", "remote_folder: ''", "transport.remote_folder", "is required")]
    [TestCase("private_key_file: keys/lcs_ed25519", "private_key_file: ''", "transport.private_key_file", "is required")]
    [TestCase("known_hosts_file: /etc/singleview/known_hosts", "known_hosts_file: ''", "transport.known_hosts_file", "is required")]
    [TestCase("remote_folder: /outbound", "remote_folder: /outbound\n  port: 70000", "transport.port", "is not a TCP port")]
    [TestCase("remote_folder: /outbound", "remote_folder: /outbound\n  after_landing: shred", "transport.after_landing", "'shred' is not one of")]
    [TestCase("remote_folder: /outbound", "remote_folder: /outbound\n  after_landing: archive", "transport.archive_folder", "is required when after_landing is archive")]
    [TestCase("remote_folder: /outbound", "remote_folder: /outbound\n  connect_timeout_seconds: 0", "transport.connect_timeout_seconds", "is outside 1 to 86400")]
    [TestCase("remote_folder: /outbound", "remote_folder: /outbound\n  retry: { max_retries: 50 }", "transport.retry.max_retries", "is outside 0 to 20")]
    [TestCase("remote_folder: /outbound", "remote_folder: /outbound\n  retry: { base_delay_seconds: 10, max_delay_seconds: 1 }", "transport.retry.max_delay_seconds", "must not be shorter")]
    [TestCase("kind: sftp", "kind: ftp", "transport.kind", "'ftp' is not supported")]
    public void Parse_InvalidSftpSetting_NamesTheFileAndField(string replace, string with, string field, string problem)
    {
        var failure = Should.Throw<ConfigurationException>(() => Parse(Minimal.Replace(replace, with, StringComparison.Ordinal)));

        failure.Message.ShouldContain("lcs.yaml");
        failure.Message.ShouldContain(field);
        failure.Message.ShouldContain(problem);
    }

    [Test]
    public void LoadDirectory_ExampleSubfolder_IsNotLoaded()
    {
        using var folder = new TemporaryFolder();
        folder.Write("pipelines/lcs.yaml", Yaml("kind: drop_folder"));
        folder.Write("pipelines/examples/sftp.yaml", Yaml(Minimal).Replace("feed: lcs", "feed: partner", StringComparison.Ordinal));

        var definitions = FeedDefinitionLoader.LoadDirectory(folder.Combine("pipelines"));

        definitions.ShouldHaveSingleItem().Feed.ShouldBe("lcs");
    }

    [Test]
    public void LoadDirectory_CommittedSftpExample_IsAValidDefinition()
    {
        var example = Path.Combine(SingleView.Tests.Shared.RepositoryRoot.Pipelines, "examples", "partner-sftp.yaml");

        var definition = FeedDefinitionLoader.Parse(example, File.ReadAllText(example));

        definition.Transport.Sftp.ShouldNotBeNull().AfterLanding.ShouldBe(AfterLanding.Archive);
    }

    private static FeedDefinition Parse(string transport, string file = "lcs.yaml") => FeedDefinitionLoader.Parse(file, Yaml(transport));

    private static string Yaml(string transport) => $"""
        feed: lcs
        source_system: LCS
        service: childrens_social_care
        transport:
          {transport}
        record_id: PersonID
        columns: {"{"} first_name: Forename {"}"}
        governance: {"{"} legal_basis: Children Act 1989, sharing_agreement: ISA-1, data_owner: DCS, retention_days: 365 {"}"}
        """;
}
