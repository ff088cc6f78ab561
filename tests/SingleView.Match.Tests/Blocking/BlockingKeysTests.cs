using SingleView.Match.Blocking;
using SingleView.Match.Model;
using static SingleView.Match.Tests.Records;

namespace SingleView.Match.Tests.Blocking;

public class BlockingKeysTests
{
    [Test]
    public void ValueOf_TownTakenFromTheAddress_NoTownKey()
    {
        var prepared = MatchEngine.Prepare([Person("a:1", address: "12 Mill Lane, Anytown")]);

        BlockingKeys.ValueOf(prepared[0], BlockingKey.City).ShouldBeNull();
    }

    [Test]
    public void ValueOf_FeedsOwnTownColumn_IsTheTownKey()
    {
        var prepared = MatchEngine.Prepare([Person("a:1", address: "12 Mill Lane") with { City = "Anytown" }]);

        BlockingKeys.ValueOf(prepared[0], BlockingKey.City).ShouldNotBeNull();
    }
}
