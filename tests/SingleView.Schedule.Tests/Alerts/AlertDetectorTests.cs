using SingleView.Publish;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Alerts;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class AlertDetectorTests(DatabaseProvider provider)
{
    [Test]
    public async Task Detect_ChildAtDomesticAbuseIncident_RemembersEventWithOfficer()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);

        var created = await scenario.DetectAsync();

        created.ShouldBe(3);
        (await scenario.Db.ScalarAsync<string>("SELECT contact_name FROM alert_event WHERE golden_id = 'G-AMIRA'")).ShouldBe("Lauren White");
        (await scenario.Db.ScalarAsync<string>("SELECT event_date FROM alert_event WHERE golden_id = 'G-AMIRA'")).ShouldBe("2026-11-19");
    }

    [Test]
    public async Task Detect_SecondNight_NothingNewAndFirstSeenKept()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);
        await scenario.DetectAsync("run-1");
        scenario.Clock.Advance(TimeSpan.FromDays(1));

        var created = await scenario.DetectAsync("run-2");

        created.ShouldBe(0);
        (await scenario.Db.ScalarAsync<long>("SELECT COUNT(*) FROM alert_event WHERE first_seen_run = 'run-1'")).ShouldBe(3);
    }

    [Test]
    public async Task Detect_AdultAtIncident_IsNotAChildEvent()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);
        await ServingRows.PersonAsync(scenario.Db, "G-ADULT", "Karen", "Khan", "1985-06-04", kind: "Adult");
        await ServingRows.DomesticAbuseAsync(scenario.Db, "P-9", "G-ADULT", "2026-11-19");

        await scenario.DetectAsync();

        (await scenario.Db.ScalarAsync<long>("SELECT COUNT(*) FROM alert_event WHERE golden_id = 'G-ADULT'")).ShouldBe(0);
    }
}

/// <summary>The committed rules over the committed sample authority, published by a real refresh.</summary>
public sealed class AlertDetectorSampleTests
{
    [Test]
    public async Task Detect_SampleAuthority_FindsEveryRulesEvents()
    {
        await using var published = await SampleRefresh.PublishAsync();

        await new SingleView.Schedule.Alerts.AlertDetector(published.Db.Database, published.Rules, TimeProvider.System).DetectAsync("sample");

        var rules = (await published.RulesSeenAsync()).ToList();
        rules.ShouldBe(["childrens_social_care_plan", "childrens_social_care_referral", "missing_from_home", "police_domestic_abuse_child", "school_exclusion"], ignoreOrder: true);
    }

    [Test]
    public async Task Detect_SampleSchoolExclusions_DatedByTheExclusionNotTheExtract()
    {
        await using var published = await SampleRefresh.PublishAsync();

        await new SingleView.Schedule.Alerts.AlertDetector(published.Db.Database, published.Rules, TimeProvider.System).DetectAsync("sample");

        // The sample's exclusions all happened before its extract of 2026-11-20.
        (await published.Db.ScalarAsync<long>("SELECT COUNT(*) FROM alert_event WHERE rule = 'school_exclusion'")).ShouldBeGreaterThan(0);
        (await published.Db.ScalarAsync<long>("SELECT COUNT(*) FROM alert_event WHERE rule = 'school_exclusion' AND event_date >= '2026-11-20'")).ShouldBe(0);
    }
}
