using SingleView.Ingest.Transport;

namespace SingleView.Ingest.Tests.Transport;

public class DropFolderTransportTests
{
    [Test]
    public void List_RelativeDropFolder_ResolvesAgainstTheDropRoot()
    {
        using var folder = new TemporaryFolder();
        folder.Write("drop/lcs/lcs_20261120.csv", "x");

        var listing = new DropFolderTransport(folder.Combine("drop")).List(TestFeeds.Definition());

        listing.Files.Single().Path.ShouldBe(folder.Combine("drop", "lcs", "lcs_20261120.csv"));
    }

    [Test]
    public void List_AbsoluteDropFolder_IsUsedAsIs()
    {
        using var folder = new TemporaryFolder();
        folder.Write("elsewhere/lcs_20261120.csv", "x");

        var listing = new DropFolderTransport(folder.Combine("drop")).List(TestFeeds.Definition(dropFolder: folder.Combine("elsewhere")));

        listing.Folder.ShouldBe(folder.Combine("elsewhere"));
        listing.Files.Count.ShouldBe(1);
    }

    [Test]
    public void List_OtherFiles_OnlyThoseMatchingThePatternAreListed()
    {
        using var folder = new TemporaryFolder();
        folder.Write("drop/lcs/lcs_20261120.csv", "x");
        folder.Write("drop/lcs/readme.txt", "x");
        folder.Write("drop/lcs/ehm_20261120.csv", "x");

        var listing = new DropFolderTransport(folder.Combine("drop")).List(TestFeeds.Definition());

        listing.Files.Select(f => f.FileName).ShouldBe(["lcs_20261120.csv"]);
    }

    [Test]
    public void List_SeveralDeliveries_OldestFirstWithTheirDates()
    {
        using var folder = new TemporaryFolder();
        folder.Write("drop/lcs/lcs_20261121.csv", "x");
        folder.Write("drop/lcs/lcs_20261119.csv", "x");

        var listing = new DropFolderTransport(folder.Combine("drop")).List(TestFeeds.Definition());

        listing.Files.Select(f => f.DeliveryDate).ShouldBe([new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 21)]);
    }

    [Test]
    public void List_MissingFolder_SaysSoWithNoFiles()
    {
        using var folder = new TemporaryFolder();

        var listing = new DropFolderTransport(folder.Combine("drop")).List(TestFeeds.Definition());

        listing.FolderExists.ShouldBeFalse();
        listing.Files.ShouldBeEmpty();
    }
}
