using SingleView.Core.Model;
using SingleView.Serve.Data;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Data;

/// <summary>The read path's shortcuts: what is cached per publication, and how search candidates are bounded.</summary>
public sealed class ServingReaderTests
{
    [Test]
    public async Task PublicationFeedsAsync_NewPublication_ReadsTheNewFeedStatuses()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.AddFeedAsync("school", "Capita SIMS census", nameof(Service.School));
        await db.AddPublicationAsync();
        var reader = new ServingReader(db.Database);
        (await reader.PublicationFeedsAsync(CancellationToken.None)).Statuses.Single().State.ShouldBe("Current");

        // A refresh rewrites feed_status and adds a publication with a new ID in one transaction.
        await db.ExecuteAsync("UPDATE feed_status SET state = 'NotAvailable'", new { });
        await db.ExecuteAsync("INSERT INTO publication VALUES (2, 'run-2', '2026-11-22T05:30:00Z', 10, 6, 2, 3, 0)", new { });

        (await reader.PublicationFeedsAsync(CancellationToken.None)).Statuses.Single().State.ShouldBe("NotAvailable");
    }

    [Test]
    public async Task PersonRecordsAsync_ServiceNotGiven_ReadsNoInvolvementOfIt()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.AddPersonAsync("G-1", "Ryan", "James", "2015-01-24");
        await db.AddInvolvementAsync("school", "S-1", "G-1", nameof(Service.School));
        await db.AddInvolvementAsync("police", "P-1", "G-1", nameof(Service.Police));
        var reader = new ServingReader(db.Database);

        var records = await reader.PersonRecordsAsync("G-1", [Service.School], CancellationToken.None);

        records.ShouldNotBeNull().Involvements.Select(i => i.Feed).ShouldBe(["school"]);
    }

    [Test]
    public async Task PersonRecordsAsync_RowsWrittenAfterAnEarlierReadOnTheKeptConnection_ReadsThem()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.AddPersonAsync("G-1", "Ryan", "James", "2015-01-24");
        using var reader = new ServingReader(db.Database);
        (await reader.PersonRecordsAsync("G-1", [Service.School], CancellationToken.None)).ShouldNotBeNull().Involvements.ShouldBeEmpty();

        // The reader keeps its SQLite connection and prepared batch; a later refresh's rows must still be seen.
        await db.AddInvolvementAsync("school", "S-1", "G-1", nameof(Service.School));

        (await reader.PersonRecordsAsync("G-1", [Service.School], CancellationToken.None)).ShouldNotBeNull().Involvements.Select(i => i.Feed).ShouldBe(["school"]);
    }

    [Test]
    public async Task PersonRecordsAsync_DifferentServicesOneAfterAnother_EachReadsItsOwnServicesOnly()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.AddPersonAsync("G-1", "Ryan", "James", "2015-01-24");
        await db.AddInvolvementAsync("school", "S-1", "G-1", nameof(Service.School));
        await db.AddInvolvementAsync("police", "P-1", "G-1", nameof(Service.Police));
        using var reader = new ServingReader(db.Database);

        var both = await reader.PersonRecordsAsync("G-1", [Service.School, Service.Police], CancellationToken.None);
        var police = await reader.PersonRecordsAsync("G-1", [Service.Police], CancellationToken.None);
        var none = await reader.PersonRecordsAsync("G-1", [], CancellationToken.None);

        both.ShouldNotBeNull().Involvements.Select(i => i.Feed).Order().ShouldBe(["police", "school"]);
        police.ShouldNotBeNull().Involvements.Select(i => i.Feed).ShouldBe(["police"]);
        none.ShouldNotBeNull().Involvements.ShouldBeEmpty();
    }

    [Test]
    public async Task PersonRecordsAsync_NoSuchPerson_IsNull()
    {
        using var db = await TestDatabase.CreateAsync();
        using var reader = new ServingReader(db.Database);

        (await reader.PersonRecordsAsync("G-404", [Service.School], CancellationToken.None)).ShouldBeNull();
    }

    [Test]
    public async Task SearchCandidatesAsync_TwoNamesAmongManyOfTheSameFamilyName_FindsTheOneWhoseBothNamesSoundRight()
    {
        using var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < ServingReader.EitherNameFallbackLimit + 50; i++) await db.AddPersonAsync($"G-{i:000}", "Zed", "James", "2015-01-24");
        await db.AddPersonAsync("G-RYAN", "Ryan", "James", "2015-01-24");
        var reader = new ServingReader(db.Database);

        var candidates = await reader.SearchCandidatesAsync(new SearchKeys(["R500", "J520"], [], null, TwoNames: true), 2000, CancellationToken.None);

        candidates.Select(c => c.GoldenId).ShouldContain("G-RYAN");
        candidates.Count.ShouldBeLessThanOrEqualTo(1 + ServingReader.EitherNameFallbackLimit);
    }
}
