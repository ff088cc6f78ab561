using SingleView.Publish;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Digests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DigestBuilderTests(DatabaseProvider provider)
{
    [Test]
    public async Task Build_PupilOnRoll_GoesToThatSchoolsDslOnly()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);

        var digests = await scenario.NightAsync();

        var own = digests.Single(d => d.Recipient == DigestScenario.OwnDsl);
        own.Items.Select(i => i.PupilName).ShouldBe(["Amira Khan"]);
        digests.Single(d => d.Recipient == DigestScenario.OtherDsl).Items.Select(i => i.PupilName).ShouldBe(["Ben Ortiz"]);
    }

    [Test]
    public async Task Build_PupilWhoHasLeft_IsInNoDigest()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);

        var digests = await scenario.NightAsync();

        digests.SelectMany(d => d.Items).ShouldNotContain(i => i.PupilName == "Cara Lewis");
    }

    [Test]
    public async Task Build_Item_HasTheMinimumToAct()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);

        var item = (await scenario.NightAsync()).Single(d => d.Recipient == DigestScenario.OwnDsl).Items.Single();

        item.ShouldBe(new SingleView.Schedule.Digests.DigestItem(item.EventKey, "Amira Khan", "2015-04-02", "Police-attended domestic abuse incident", "2026-11-19", "Lauren White", "PS", "01632 960782"));
    }

    [Test]
    public async Task Build_Body_HoldsNoDetailOfThePoliceRecord()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);

        var body = (await scenario.NightAsync()).Single(d => d.Recipient == DigestScenario.OwnDsl).Body;

        body.ShouldContain("Amira Khan");
        body.ShouldNotContain("Assault", Case.Insensitive);
        body.ShouldNotContain("CHILD PRESENT", Case.Insensitive);
    }

    [Test]
    public async Task Build_NextMorning_NothingTwice()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);
        await scenario.NightAsync();
        scenario.Clock.Advance(TimeSpan.FromDays(1));

        var second = await scenario.NightAsync();

        second.ShouldBeEmpty();
    }

    [Test]
    public async Task Build_NewEventNextNight_OnlyThatOneIsSent()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);
        await scenario.NightAsync();
        scenario.Clock.Set(new DateTimeOffset(2026, 11, 22, 1, 30, 0, TimeSpan.Zero));
        await ServingRows.DomesticAbuseAsync(scenario.Db, "P-4", "G-AMIRA", "2026-11-21");

        var second = await scenario.NightAsync();

        second.Single().Items.Select(i => i.EventDate).ShouldBe(["2026-11-21"]);
    }

    [Test]
    public async Task Build_EventOlderThanLookback_IsNotSent()
    {
        await using var scenario = await DigestScenario.CreateAsync(provider);
        await ServingRows.PersonAsync(scenario.Db, "G-DAN", "Dan", "Price", "2016-02-02");
        await ServingRows.PupilAsync(scenario.Db, "G-DAN", DigestScenario.OwnUrn);
        await ServingRows.DomesticAbuseAsync(scenario.Db, "P-5", "G-DAN", "2024-02-26");

        var digests = await scenario.NightAsync();

        digests.SelectMany(d => d.Items).ShouldNotContain(i => i.PupilName == "Dan Price");
    }
}
