using SingleView.Ingest.Transport.Sftp;

namespace SingleView.Ingest.Tests.Transport.Sftp;

public class SftpListingTests
{
    private const string Output = """
        sftp> ls -ln "/outbound"
        -rw-r--r--    ? 1000     1000         1204 Nov 21 02:10 /outbound/lcs_20261121.csv
        drwxr-xr-x    ? 1000     1000         4096 Nov 20 09:00 /outbound/archive
        -rw-r--r--    ? 1000     1000           17 Nov 21  2025 /outbound/lcs  20261120 copy.csv
        """;

    [Test]
    public void Parse_LongListing_KeepsRegularFilesWithTheirSizes()
    {
        var files = SftpListing.Parse(Output, "/outbound");

        files.ShouldBe([
            new RemoteFile("lcs_20261121.csv", "/outbound/lcs_20261121.csv", 1204),
            new RemoteFile("lcs  20261120 copy.csv", "/outbound/lcs  20261120 copy.csv", 17),
        ]);
    }

    [Test]
    public void Parse_EmptyFolder_IsEmpty()
    {
        SftpListing.Parse("sftp> ls -ln \"/outbound\"\n", "/outbound").ShouldBeEmpty();
    }
}
