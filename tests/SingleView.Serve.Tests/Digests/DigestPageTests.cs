using System.Net;
using Dapper;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Digests;

/// <summary>/digests: a DSL sees their own school's digests and nobody else's.</summary>
public sealed class DigestPageTests
{
    private TestDatabase? database;
    private TestApp? app;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await SampleData.CreateAsync();
        await AddDigestAsync(database, "d-own", SampleData.OwnSchoolUrn, "Jayden Smith", "Police-attended domestic abuse incident");
        await AddDigestAsync(database, "d-other", SampleData.OtherSchoolUrn, "Amelia Jones", "Missing from home episode");
        app = await TestApp.StartAsync(database.Database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (app is not null) await app.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task Get_Dsl_SeesOwnSchoolsDigestWithContact()
    {
        var html = await app!.As("school_dsl", SampleData.OwnSchoolUrn).GetStringAsync("/digests");

        html.ShouldContain("Jayden Smith");
        html.ShouldContain("Lauren White, PS, 01632 960782");
    }

    [Test]
    public async Task Get_Dsl_DoesNotSeeAnotherSchoolsDigest()
    {
        var html = await app!.As("school_dsl", SampleData.OwnSchoolUrn).GetStringAsync("/digests");

        html.ShouldNotContain("Amelia Jones");
    }

    [Test]
    public async Task Get_DslWithoutSchool_IsForbidden()
    {
        (await app!.As("school_dsl").GetAsync("/digests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Get_SocialWorker_IsForbidden()
    {
        (await app!.As("social_worker").GetAsync("/digests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task AddDigestAsync(TestDatabase db, string id, string urn, string pupil, string kind)
    {
        await using var connection = await db.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO digest (digest_id, subscription, school_urn, recipient, created_at, item_count, subject, body, delivery_state, attempts)
            VALUES (@Id, @Id, @Urn, 'dsl@school.example', '2026-11-21T07:00:00.000Z', 1, 'Digest', 'Body', 'sent', 1)
            """,
            new { Id = id, Urn = urn });
        await connection.ExecuteAsync(
            """
            INSERT INTO digest_item (digest_id, subscription, event_key, pupil_name, date_of_birth, kind, event_date, contact_name, contact_role, contact_phone)
            VALUES (@Id, @Id, @Id, @Pupil, '2014-03-27', @Kind, '2026-11-19', 'Lauren White', 'PS', '01632 960782')
            """,
            new { Id = id, Pupil = pupil, Kind = kind });
    }
}
