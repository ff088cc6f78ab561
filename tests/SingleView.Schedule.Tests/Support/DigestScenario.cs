using SingleView.Publish;
using SingleView.Schedule.Alerts;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.Digests;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Support;

/// <summary>
/// Two schools' DSLs and their pupils: Amira on the roll of school 100001, Ben at 200002, Cara who has
/// left 100001. Each has a police-attended domestic abuse incident on 19 November 2026. The committed
/// alert rules; the clock at 01:30 on 21 November, then 07:00.
/// </summary>
internal sealed class DigestScenario : IAsyncDisposable
{
    public const string OwnUrn = "100001";
    public const string OtherUrn = "200002";
    public const string OwnDsl = "dsl@hillside.example";
    public const string OtherDsl = "dsl@valley.example";

    private DigestScenario(TestDatabase db, FakeTimeProvider clock)
    {
        Db = db;
        Clock = clock;
        Rules = AlertRules.Load(RepositoryRoot.Config);
        Subscriptions = Subscriptions.From([
            new Subscription("hillside-dsl", Subscriptions.SchoolDslAudience, OwnUrn, OwnDsl),
            new Subscription("valley-dsl", Subscriptions.SchoolDslAudience, OtherUrn, OtherDsl),
        ]);
    }

    public TestDatabase Db { get; }
    public FakeTimeProvider Clock { get; }
    public AlertRules Rules { get; }
    public Subscriptions Subscriptions { get; }

    public static async Task<DigestScenario> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var scenario = new DigestScenario(await TestDatabase.CreateAsync(provider), new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 1, 30, 0, TimeSpan.Zero)));
        var db = scenario.Db;
        await ServingRows.PersonAsync(db, "G-AMIRA", "Amira", "Khan", "2015-04-02");
        await ServingRows.PupilAsync(db, "G-AMIRA", OwnUrn);
        await ServingRows.DomesticAbuseAsync(db, "P-1", "G-AMIRA", "2026-11-19");
        await ServingRows.PersonAsync(db, "G-BEN", "Ben", "Ortiz", "2014-09-12");
        await ServingRows.PupilAsync(db, "G-BEN", OtherUrn);
        await ServingRows.DomesticAbuseAsync(db, "P-2", "G-BEN", "2026-11-19");
        await ServingRows.PersonAsync(db, "G-CARA", "Cara", "Lewis", "2013-01-30");
        await ServingRows.PupilAsync(db, "G-CARA", OwnUrn, status: "Historic");
        await ServingRows.DomesticAbuseAsync(db, "P-3", "G-CARA", "2026-11-19");
        return scenario;
    }

    public Task<int> DetectAsync(string runId = "run-1") => new AlertDetector(Db.Database, Rules, Clock).DetectAsync(runId);

    public Task<IReadOnlyList<Digest>> BuildAsync() => new DigestBuilder(Db.Database, Rules, Subscriptions, Clock).BuildAsync();

    /// <summary>Detects at 01:30, then moves the clock to 07:00 and builds the digests.</summary>
    public async Task<IReadOnlyList<Digest>> NightAsync()
    {
        await DetectAsync();
        Clock.Set(Clock.GetUtcNow().Date.AddHours(7));
        return await BuildAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
